using Microsoft.DurableTask;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>
/// Marks the cycle closed: from now on its links are dead and its answers final. Decided under the row's ETag against
/// an extension stored at the same moment: if the stored deadline is later than the one the orchestration acts on, the
/// extension won and the cycle stays open (its event is on the way).
/// </summary>
public sealed class CloseCycleActivity(CycleRepository cycles) : TaskActivity<CloseCycleInput, CloseCycleResult>
{
    public override async Task<CloseCycleResult> RunAsync(TaskActivityContext context, CloseCycleInput input)
    {
        var result = await cycles.UpdateAsync(input.AgreementId, input.Year, c =>
            c.State == CycleState.Closed || c.DeadlineUtc > input.KnownDeadlineUtc ? null : c with { State = CycleState.Closed, ClosedUtc = input.ClosedUtc })
            ?? throw new KeyNotFoundException($"Cycle {input.AgreementId} {input.Year} does not exist.");
        return new CloseCycleResult(result.Cycle.State == CycleState.Closed, result.Cycle.DeadlineUtc);
    }
}
