using Microsoft.DurableTask;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>Marks the cycle closed: from now on its links are dead and its answers final.</summary>
public sealed class CloseCycleActivity(CycleRepository cycles) : TaskActivity<CloseCycleInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, CloseCycleInput input)
    {
        var cycle = await cycles.GetAsync(input.AgreementId, input.Year);
        if (cycle.State == CycleState.Closed)
        {
            return false;
        }

        await cycles.SaveAsync(cycle with { State = CycleState.Closed, ClosedUtc = input.ClosedUtc });
        return true;
    }
}
