namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>One year's follow-up of one agreement. The year is the year being followed up (the one just ended).</summary>
/// <param name="OriginalDeadlineUtc">The deadline the cycle started with (null on cycles stored before it was kept: then <see cref="DeadlineUtc"/>).</param>
/// <param name="FinalAnswersStored">Set at close once each measure's final answer is stored for next year's form.</param>
public sealed record Cycle(
    string AgreementId,
    int Year,
    DateTimeOffset StartedUtc,
    DateTimeOffset DeadlineUtc,
    CycleState State,
    DateTimeOffset? ClosedUtc = null,
    string? ReportBlobName = null,
    DateTimeOffset? OriginalDeadlineUtc = null,
    bool FinalAnswersStored = false)
{
    public string Id => CycleIds.For(AgreementId, Year);

    public DateTimeOffset FirstDeadlineUtc => OriginalDeadlineUtc ?? DeadlineUtc;
}
