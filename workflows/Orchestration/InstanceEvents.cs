using Microsoft.DurableTask.Client;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>
/// Raising an event that must not be lost. The Azure Storage backend can discard an event sent while its instance is
/// still Pending (Azure/durabletask#720): a close or an extension sent the moment a cycle starts would vanish.
/// So wait until the instance runs, then raise. Instances already running cost one status read.
/// </summary>
public static class InstanceEvents
{
    static readonly TimeSpan StartWait = TimeSpan.FromSeconds(30);

    public static async Task RaiseAsync(DurableTaskClient client, string instanceId, string eventName, object payload, CancellationToken cancellationToken = default)
    {
        var state = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (state is { RuntimeStatus: OrchestrationRuntimeStatus.Pending })
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(StartWait);
            try
            {
                await client.WaitForInstanceStartAsync(instanceId, getInputsAndOutputs: false, wait.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Still pending after the wait: raise anyway rather than block the caller for ever.
            }
        }

        await client.RaiseEventAsync(instanceId, eventName, payload, cancellationToken);
    }
}
