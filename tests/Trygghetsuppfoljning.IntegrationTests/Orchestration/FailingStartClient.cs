using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Entities;

namespace Trygghetsuppfoljning.IntegrationTests.Orchestration;

/// <summary>The real client, except that scheduling one instance id fails: a broken agreement as the timer meets it.</summary>
public sealed class FailingStartClient(DurableTaskClient inner, string failingInstanceId) : DurableTaskClient("failing")
{
    public override DurableEntityClient Entities => inner.Entities;

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default) =>
        options?.InstanceId == failingInstanceId
            ? throw new InvalidOperationException($"Storage refused {failingInstanceId}.")
            : inner.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, options, cancellation);

    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        inner.GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation);

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) => inner.GetAllInstancesAsync(filter);

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
        inner.RaiseEventAsync(instanceId, eventName, eventPayload, cancellation);

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        inner.WaitForInstanceStartAsync(instanceId, getInputsAndOutputs, cancellation);

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        inner.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs, cancellation);

    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default) =>
        inner.TerminateInstanceAsync(instanceId, options, cancellation);

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        inner.SuspendInstanceAsync(instanceId, reason, cancellation);

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        inner.ResumeInstanceAsync(instanceId, reason, cancellation);

    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        inner.PurgeInstanceAsync(instanceId, options, cancellation);

    public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        inner.PurgeAllInstancesAsync(filter, options, cancellation);

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
