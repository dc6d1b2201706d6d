using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>Owner instance → cycle instance: raises <see cref="CycleEvents.OwnerFinished"/>.</summary>
public sealed class NotifyCycleActivity(DurableTaskClient client) : TaskActivity<NotifyCycleInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, NotifyCycleInput input)
    {
        await client.RaiseEventAsync(input.CycleInstanceId, CycleEvents.OwnerFinished, input.Result);
        return true;
    }
}
