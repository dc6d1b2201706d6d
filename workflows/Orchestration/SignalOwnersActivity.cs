using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>Cycle → every owner instance: a moved deadline or the cycle closing. Also records a new deadline on the cycle row.</summary>
public sealed class SignalOwnersActivity(DurableTaskClient client, CycleRepository cycles) : TaskActivity<SignalOwnersInput, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, SignalOwnersInput input)
    {
        object payload = input.EventName switch
        {
            CycleEvents.DeadlineExtended => new DeadlineExtendedEvent(input.NewDeadlineUtc ?? throw new ArgumentException("A new deadline is required.", nameof(input))),
            CycleEvents.CycleClosing => new CloseRequestedEvent("cycle"),
            _ => throw new ArgumentException($"Owners do not handle '{input.EventName}'.", nameof(input)),
        };

        if (input.NewDeadlineUtc is { } deadline)
        {
            var cycle = await cycles.GetAsync(input.AgreementId, input.Year);
            await cycles.SaveAsync(cycle with { DeadlineUtc = deadline });
        }

        foreach (var ownerId in input.OwnerIds)
        {
            await InstanceEvents.RaiseAsync(client, CycleIds.OwnerInstance(input.AgreementId, input.Year, ownerId), input.EventName, payload);
        }

        return input.OwnerIds.Count;
    }
}
