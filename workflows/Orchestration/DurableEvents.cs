using System.Reflection;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>The one way to wait for and raise the events of <see cref="CycleEvents"/>: the name comes from the record.</summary>
public static class DurableEvents
{
    public static string NameOf<TEvent>() => NameOf(typeof(TEvent));

    public static string NameOf(Type eventType) =>
        eventType.GetCustomAttribute<DurableEventAttribute>()?.Name
        ?? throw new InvalidOperationException($"{eventType.Name} is not a durable event: it needs [DurableEvent(\"Name\")].");

    public static Task<TEvent> WaitFor<TEvent>(this TaskOrchestrationContext context) =>
        context.WaitForExternalEvent<TEvent>(NameOf<TEvent>());

    /// <summary>Raises the event so that it is not lost to an instance still Pending (see <see cref="InstanceEvents"/>).</summary>
    public static Task RaiseAsync<TEvent>(this DurableTaskClient client, string instanceId, TEvent payload, CancellationToken cancellationToken = default)
        where TEvent : notnull =>
        InstanceEvents.RaiseAsync(client, instanceId, NameOf<TEvent>(), payload, cancellationToken);
}
