using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>
/// Starts an owner's orchestration as its own top-level instance with a deterministic id. Starting an id that
/// already exists is a no-op, so a retried or replayed fan-out never doubles an owner.
/// </summary>
public sealed class StartOwnerInputActivity(DurableTaskClient client) : TaskActivity<OwnerInputInput, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, OwnerInputInput input)
    {
        var instanceId = CycleIds.OwnerInstance(input.AgreementId, input.Year, input.OwnerId);
        await OrchestrationStarter.StartIfNewAsync(client, nameof(OwnerInputOrchestrator), instanceId, input);
        return instanceId;
    }
}
