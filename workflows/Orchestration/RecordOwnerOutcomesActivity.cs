using Microsoft.DurableTask;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>
/// At the deadline: every active owner is submitted or missing, read from Tables (the truth) in one pass and marked in
/// batches, instead of one event per owner into the cycle's history.
/// </summary>
public sealed class RecordOwnerOutcomesActivity(CycleRepository cycles, CycleRosterRepository rosters, ResponseRepository responses, OwnerProgressRepository progress)
    : TaskActivity<CycleTaskInput, OwnerOutcomesResult>
{
    public override async Task<OwnerOutcomesResult> RunAsync(TaskActivityContext context, CycleTaskInput input)
    {
        var cycle = await cycles.GetAsync(input.AgreementId, input.Year);
        var owners = await rosters.ListActiveOwnerIdsAsync(cycle.Id);
        var answered = (await responses.LatestSubmittedAsync(cycle.Id)).Select(r => r.OwnerId).ToHashSet(StringComparer.Ordinal);
        var missing = owners.Where(o => !answered.Contains(o)).ToList();
        await progress.SetMissingAsync(cycle.Id, missing, owners.Where(answered.Contains).ToList());
        return new OwnerOutcomesResult(owners.Count, owners.Count - missing.Count);
    }
}
