using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Reports;

/// <summary>How far an indicator has come from its baseline towards its target, with the direction of good.</summary>
public sealed record TargetAttainment(TargetAttainmentKind Kind, decimal Share)
{
    public static readonly TargetAttainment Unknown = new(TargetAttainmentKind.Unknown, 0);

    /// <summary>
    /// Reached when the value is at or past the target on the good side. Otherwise the share of the way from
    /// baseline to target (0–1); a value on the wrong side of the baseline is <see cref="TargetAttainmentKind.Worse"/>.
    /// Without a baseline only "reached or not" can be said.
    /// </summary>
    public static TargetAttainment Of(Indicator indicator, decimal? current)
    {
        if (current is not { } value || indicator.Target is not { } target)
        {
            return Unknown;
        }

        var higherIsBetter = indicator.Direction == IndicatorDirection.HigherIsBetter;
        if (higherIsBetter ? value >= target : value <= target)
        {
            return new(TargetAttainmentKind.Reached, 1);
        }

        if (indicator.Baseline is not { } baseline || baseline == target)
        {
            return new(TargetAttainmentKind.NotReached, 0);
        }

        var share = (value - baseline) / (target - baseline);
        return share < 0 ? new(TargetAttainmentKind.Worse, share) : new(TargetAttainmentKind.Partway, share);
    }
}

public enum TargetAttainmentKind
{
    /// <summary>No value this year, or no target.</summary>
    Unknown,

    Reached,

    /// <summary>Better than the baseline, not yet at the target.</summary>
    Partway,

    /// <summary>Worse than the baseline.</summary>
    Worse,

    /// <summary>Not at the target, and no baseline to measure progress from.</summary>
    NotReached,
}
