using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>
/// Starts every active owner's orchestration as its own top-level instance with a deterministic id (sub-orchestrations
/// hang on the local engine, design.md §4), in bounded parallel inside this one activity, so the cycle's history
/// holds one task whatever the number of owners. Starting an id that exists is a no-op: a retry never doubles an owner.
/// </summary>
public sealed class StartOwnerInputsActivity(DurableTaskClient client, CycleRosterRepository rosters) : TaskActivity<StartOwnerInputsInput, int>
{
    const int Parallelism = 16;

    public override async Task<int> RunAsync(TaskActivityContext context, StartOwnerInputsInput input)
    {
        var owners = await rosters.ListActiveOwnerIdsAsync(CycleIds.For(input.AgreementId, input.Year));
        var started = 0;
        await Parallel.ForEachAsync(owners, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (ownerId, ct) =>
        {
            var ownerInput = new OwnerInputInput(
                input.AgreementId, input.Year, ownerId, input.CycleInstanceId, input.DeadlineUtc, input.RemindersBeforeDeadline, input.GracePeriod, input.ReceiptDebounce);
            if (await OrchestrationStarter.StartIfNewAsync(client, nameof(OwnerInputOrchestrator), CycleIds.OwnerInstance(input.AgreementId, input.Year, ownerId), ownerInput, ct))
            {
                Interlocked.Increment(ref started);
            }
        });
        return started;
    }
}
