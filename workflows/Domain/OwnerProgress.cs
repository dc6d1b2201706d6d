namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>What has happened to one owner in one cycle, with times, for the coordinator's status view and the report.</summary>
public sealed record OwnerProgress(
    string CycleId,
    string OwnerId,
    DateTimeOffset? InvitedUtc,
    int RemindersSent,
    DateTimeOffset? LastRemindedUtc,
    DateTimeOffset? DraftSavedUtc,
    DateTimeOffset? SubmittedUtc,
    bool ReportedMissing,
    int ReceiptRevision = 0)
{
    public OwnerProgressState State =>
        SubmittedUtc is not null ? OwnerProgressState.Submitted
        : ReportedMissing ? OwnerProgressState.Missing
        : DraftSavedUtc is not null ? OwnerProgressState.Draft
        : RemindersSent > 0 ? OwnerProgressState.Reminded
        : InvitedUtc is not null ? OwnerProgressState.Invited
        : OwnerProgressState.Pending;

    public static OwnerProgress New(string cycleId, string ownerId) => new(cycleId, ownerId, null, 0, null, null, null, false);
}
