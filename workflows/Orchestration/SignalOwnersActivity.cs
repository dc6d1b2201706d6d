using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>
/// Cycle → every active owner's instance, in bounded parallel: a moved deadline, or the cycle closing. Owners are read
/// from the roster, so the cycle's history does not carry them.
/// </summary>
public sealed class SignalOwnersActivity(DurableTaskClient client, CycleRosterRepository rosters) : TaskActivity<SignalOwnersInput, int>
{
    const int Parallelism = 16;

    public override async Task<int> RunAsync(TaskActivityContext context, SignalOwnersInput input)
    {
        var owners = await rosters.ListActiveOwnerIdsAsync(CycleIds.For(input.AgreementId, input.Year));
        await Parallel.ForEachAsync(owners, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (ownerId, ct) =>
        {
            var instanceId = CycleIds.OwnerInstance(input.AgreementId, input.Year, ownerId);
            if (input.NewDeadlineUtc is { } deadline)
            {
                await client.RaiseAsync(instanceId, new DeadlineExtendedEvent(deadline), ct);
            }
            else
            {
                await client.RaiseAsync(instanceId, new CycleClosingEvent("cycle"), ct);
            }
        });
        return owners.Count;
    }
}
