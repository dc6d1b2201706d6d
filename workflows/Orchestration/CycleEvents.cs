using Microsoft.DurableTask;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

// External events. Each record carries its own name ([DurableEvent]); the names are a persisted contract: never rename
// while instances run. Raise them only with DurableEvents.RaiseAsync (it cannot lose an event to a just-started instance)
// and wait for them only with DurableEvents.WaitFor<T>.

/// <summary>Form → owner orchestration: a revision was submitted (the answers are already in Tables).</summary>
[DurableEvent("ResponseSubmitted")]
public sealed record ResponseSubmittedEvent(int Revision);

/// <summary>Coordinator → cycle, and cycle → owners: the deadline moved (already stored in the cycle row).</summary>
[DurableEvent("DeadlineExtended")]
public sealed record DeadlineExtendedEvent(DateTimeOffset NewDeadlineUtc);

/// <summary>Coordinator → cycle: close now instead of at the deadline.</summary>
[DurableEvent("CloseRequested")]
public sealed record CloseRequestedEvent(string RequestedBy);

/// <summary>Cycle → owners: stop, the cycle is closing. Coordinator → a replaced owner's instance: stop.</summary>
[DurableEvent("CycleClosing")]
public sealed record CycleClosingEvent(string Reason);

/// <summary>Coordinator → cycle: an owner joined the cycle's roster (a replacement) and is to be invited.</summary>
[DurableEvent("OwnerAdded")]
public sealed record OwnerAddedEvent(string OwnerId);
