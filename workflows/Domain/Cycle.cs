namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>One year's follow-up of one agreement. The year is the year being followed up (the one just ended).</summary>
/// <param name="OriginalDeadlineUtc">The deadline the cycle started with (null on cycles stored before it was kept: then <see cref="DeadlineUtc"/>).</param>
/// <param name="FinalAnswersStored">Set at close once each measure's final answer is stored for next year's form.</param>
/// <param name="RevisionHeadsComplete">Every revision stored in the cycle has its owner's head row (set on cycles this
/// version creates, and by the migrator on older ones once it has written their heads): an owner without a head has no
/// revisions, so owner steps need not look for rows older versions stored without one.</param>
public sealed record Cycle(
    string AgreementId,
    int Year,
    DateTimeOffset StartedUtc,
    DateTimeOffset DeadlineUtc,
    CycleState State,
    DateTimeOffset? ClosedUtc = null,
    string? ReportBlobName = null,
    DateTimeOffset? OriginalDeadlineUtc = null,
    bool FinalAnswersStored = false,
    bool RevisionHeadsComplete = false)
{
    public string Id => CycleIds.For(AgreementId, Year);

    public DateTimeOffset FirstDeadlineUtc => OriginalDeadlineUtc ?? DeadlineUtc;
}
