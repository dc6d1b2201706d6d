namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>
/// Every identifier derived from agreement + year lives here, so storage keys and durable instance ids agree.
/// Instance ids are deterministic: a second start of the same cycle finds the existing instance.
/// </summary>
public static class CycleIds
{
    public static string For(string agreementId, int year) => $"{agreementId}-{year}";

    public static string CycleInstance(string agreementId, int year) => $"cycle-{agreementId}-{year}";

    /// <summary>
    /// The steering group's approval of a cycle's report: its own top-level instance (started by an activity at the
    /// end of the cycle, never a sub-orchestration), so a second start after a replay is a no-op.
    /// </summary>
    public static string ApprovalInstance(string agreementId, int year) => $"approval-{agreementId}-{year}";

    public static string OwnerInstance(string agreementId, int year, string ownerId) => $"cycle-{agreementId}-{year}-owner-{ownerId}";
}
