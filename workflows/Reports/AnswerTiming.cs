using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Reports;

/// <summary>When an answer came relative to the cycle's deadline and any extension of it.</summary>
public enum AnswerTiming
{
    OnTime,

    /// <summary>After the deadline (never extended), in the grace period before close.</summary>
    AfterDeadline,

    /// <summary>After the first deadline but within the extension.</summary>
    WithinExtension,

    /// <summary>After the extended deadline too.</summary>
    AfterExtension,

    /// <summary>After the cycle closed: in a round the coordinator opened after the steering group returned the report.</summary>
    AfterReturn,
}

public static class AnswerTimings
{
    public static AnswerTiming Of(Cycle cycle, DateTimeOffset submittedUtc)
    {
        if (cycle.ClosedUtc is { } closed && submittedUtc > closed)
        {
            return AnswerTiming.AfterReturn;
        }

        var first = cycle.FirstDeadlineUtc;
        if (submittedUtc <= first)
        {
            return AnswerTiming.OnTime;
        }

        if (cycle.DeadlineUtc > first)
        {
            return submittedUtc <= cycle.DeadlineUtc ? AnswerTiming.WithinExtension : AnswerTiming.AfterExtension;
        }

        return AnswerTiming.AfterDeadline;
    }
}
