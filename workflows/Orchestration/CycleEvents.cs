namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>
/// External event names, shared by sender and receiver. Persisted contract: never rename while instances run.
/// </summary>
public static class CycleEvents
{
    /// <summary>Form → owner orchestration: a revision was submitted (the answers are already in Tables).</summary>
    public const string ResponseSubmitted = "ResponseSubmitted";

    /// <summary>Owner orchestration → cycle: the owner's part is over (deadline passed or cycle closing).</summary>
    public const string OwnerFinished = "OwnerFinished";

    /// <summary>Coordinator → cycle, and cycle → owners: the deadline moved.</summary>
    public const string DeadlineExtended = "DeadlineExtended";

    /// <summary>Coordinator → cycle: close now instead of at the deadline.</summary>
    public const string CloseRequested = "CloseRequested";

    /// <summary>Coordinator → cycle: an owner was replaced mid-cycle; the cycle starts the new owner's instance and stops waiting for the old one.</summary>
    public const string OwnerReplaced = "OwnerReplaced";

    /// <summary>Cycle → owners: stop waiting, the cycle is closing. Coordinator → a replaced owner's instance: stop.</summary>
    public const string CycleClosing = "CycleClosing";
}
