using Microsoft.DurableTask;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>Creates the cycle row (or finds it) and returns the answering owners in a stable order.</summary>
public sealed class PrepareCycleActivity(AgreementRepository agreements, CycleRepository cycles) : TaskActivity<PrepareCycleInput, PrepareCycleResult>
{
    public override async Task<PrepareCycleResult> RunAsync(TaskActivityContext context, PrepareCycleInput input)
    {
        var agreement = await agreements.GetAsync(input.AgreementId);
        await cycles.EnsureAsync(new Cycle(input.AgreementId, input.Year, input.StartedUtc, input.DeadlineUtc, CycleState.Open));
        return new PrepareCycleResult(agreement.AnsweringOwners().Select(o => o.Id).ToList());
    }
}
