using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Coordination;

/// <summary>What the coordinator sees for one cycle.</summary>
public sealed record CycleStatus(
    string AgreementId,
    int Year,
    string InstanceId,
    string? RuntimeStatus,
    CycleState? State,
    DateTimeOffset? DeadlineUtc,
    DateTimeOffset? ClosedUtc,
    string? ReportBlobName,
    IReadOnlyList<OwnerStatus> Owners);
