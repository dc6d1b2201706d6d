using Microsoft.DurableTask;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>Computes and stores the cycle's figures from the latest submitted answers.</summary>
public sealed class AggregateCycleActivity(AgreementRepository agreements, ResponseRepository responses, AggregateRepository aggregates)
    : TaskActivity<CycleTaskInput, AggregateCycleResult>
{
    public override async Task<AggregateCycleResult> RunAsync(TaskActivityContext context, CycleTaskInput input)
    {
        var agreement = await agreements.GetAsync(input.AgreementId);
        var latest = await responses.LatestSubmittedAsync(CycleIds.For(input.AgreementId, input.Year));
        var aggregate = CycleAggregator.Aggregate(agreement, input.Year, latest);
        await aggregates.SaveAsync(aggregate);
        return new AggregateCycleResult(aggregate.OwnersTotal, aggregate.OwnersAnswered, aggregate.MissingOwnerIds);
    }
}
