using Microsoft.DurableTask;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>Computes and stores the cycle's figures from its roster and the latest submitted answers.</summary>
public sealed class AggregateCycleActivity(CycleRepository cycles, CycleSnapshots snapshots, ResponseRepository responses, AggregateRepository aggregates)
    : TaskActivity<CycleTaskInput, AggregateCycleResult>
{
    public override async Task<AggregateCycleResult> RunAsync(TaskActivityContext context, CycleTaskInput input)
    {
        var cycle = await cycles.GetAsync(input.AgreementId, input.Year);
        var roster = await snapshots.GetRosterAsync(cycle);
        var aggregate = CycleAggregator.Aggregate(roster, input.Year, await responses.LatestSubmittedAsync(cycle.Id));
        await aggregates.SaveAsync(aggregate);
        return new AggregateCycleResult(aggregate.OwnersTotal, aggregate.OwnersAnswered);
    }
}
