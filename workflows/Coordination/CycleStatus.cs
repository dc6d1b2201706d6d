using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Coordination;

/// <summary>What the coordinator sees for one cycle.</summary>
/// <param name="Owners">The cycle's roster: active owners and those replaced mid-cycle.</param>
/// <param name="FailureMessage">Why the orchestration failed, when <paramref name="RuntimeStatus"/> is Failed.</param>
public sealed record CycleStatus(
    string AgreementId,
    int Year,
    string InstanceId,
    string? RuntimeStatus,
    CycleState? State,
    DateTimeOffset? DeadlineUtc,
    DateTimeOffset? ClosedUtc,
    string? ReportBlobName,
    IReadOnlyList<OwnerStatus> Owners,
    string? FailureMessage = null);
