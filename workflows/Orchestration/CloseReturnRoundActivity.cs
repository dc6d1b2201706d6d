using Microsoft.DurableTask;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>
/// Closes a return round (its deadline came, or the coordinator closed it early): from now on the reopened owners'
/// links show the closed page again and their answers are final. Decided under the round's ETag; closing a round that
/// is already closed (a retry) reports it closed with the same owners, so the orchestration goes on the same way.
/// </summary>
public sealed class CloseReturnRoundActivity(ReturnRoundRepository rounds, TimeProvider time) : TaskActivity<ReturnRoundTaskInput, CloseReturnRoundResult>
{
    public override async Task<CloseReturnRoundResult> RunAsync(TaskActivityContext context, ReturnRoundTaskInput input)
    {
        var (round, _) = await rounds.UpdateAsync(input.AgreementId, input.Year, r =>
            r is { State: ReturnRoundState.Open } && r.Number == input.Number ? r with { State = ReturnRoundState.Closed, ClosedUtc = time.GetUtcNow() } : null);
        return round is not null && round.Number == input.Number
            ? new CloseReturnRoundResult(true, round.OwnerIds, round.ReturnedOn)
            : new CloseReturnRoundResult(false, [], default);
    }
}
