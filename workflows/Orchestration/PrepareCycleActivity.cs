using Microsoft.DurableTask;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>
/// Creates the cycle row (or finds it: a resumed cycle keeps its stored deadline) and takes the cycle's own roster
/// from the agreement, once. Returns counts only, so the cycle's history does not grow with the owners.
/// </summary>
public sealed class PrepareCycleActivity(AgreementRepository agreements, CycleRepository cycles, CycleRosterRepository rosters)
    : TaskActivity<PrepareCycleInput, PrepareCycleResult>
{
    public override async Task<PrepareCycleResult> RunAsync(TaskActivityContext context, PrepareCycleInput input)
    {
        var agreement = await agreements.GetAsync(input.AgreementId);
        var cycle = await cycles.EnsureAsync(new Cycle(input.AgreementId, input.Year, input.StartedUtc, input.DeadlineUtc, CycleState.Open));
        await rosters.EnsureSnapshotAsync(cycle.Id, agreement);
        var owners = await rosters.ListActiveOwnerIdsAsync(cycle.Id);
        return new PrepareCycleResult(owners.Count, cycle.DeadlineUtc, cycle.State == CycleState.Closed);
    }
}
