namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>One year's follow-up of one agreement. The year is the year being followed up (the one just ended).</summary>
public sealed record Cycle(
    string AgreementId,
    int Year,
    DateTimeOffset StartedUtc,
    DateTimeOffset DeadlineUtc,
    CycleState State,
    DateTimeOffset? ClosedUtc = null,
    string? ReportBlobName = null,
    DateTimeOffset? OriginalDeadlineUtc = null)
{
    /// <summary>The deadline first set when the cycle started (<see cref="DeadlineUtc"/> when never extended).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateTimeOffset FirstDeadlineUtc => OriginalDeadlineUtc ?? DeadlineUtc;

    public string Id => CycleIds.For(AgreementId, Year);
}
