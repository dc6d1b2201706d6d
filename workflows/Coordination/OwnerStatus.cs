using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Coordination;

public sealed record OwnerStatus(
    string OwnerId,
    string Name,
    Organisation Organisation,
    OwnerProgressState State,
    DateTimeOffset? InvitedUtc,
    int RemindersSent,
    DateTimeOffset? LastRemindedUtc,
    DateTimeOffset? DraftSavedUtc,
    DateTimeOffset? SubmittedUtc,
    RosterOwnerState RosterState = RosterOwnerState.Active,
    string? ReplacedBy = null,
    int Measures = 0);
