using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

public static class OrchestrationStarter
{
    /// <summary>Schedules the instance unless one with that id exists; returns whether this call started it.</summary>
    public static async Task<bool> StartIfNewAsync(DurableTaskClient client, string orchestratorName, string instanceId, object input, CancellationToken cancellationToken = default)
    {
        var existing = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (existing is not null)
        {
            return false;
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, new StartOrchestrationOptions(instanceId), cancellationToken);
            return true;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Lost a race with another start of the same id: that one wins, which is what we want. Anything else rethrows.
            if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is null)
            {
                throw;
            }

            return false;
        }
    }
}
