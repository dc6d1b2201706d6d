using Microsoft.DurableTask;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>
/// Reads the stored decision and any open return round: the approval orchestration's only source of truth (events are wake-ups).
/// </summary>
public sealed class ReadSteeringDecisionActivity(SteeringDecisionRepository decisions, ReturnRoundRepository rounds) : TaskActivity<ApprovalTaskInput, StoredDecision>
{
    public override async Task<StoredDecision> RunAsync(TaskActivityContext context, ApprovalTaskInput input)
    {
        var round = await rounds.FindAsync(input.AgreementId, input.Year);
        var (openRound, roundDeadline) = round is { State: ReturnRoundState.Open } ? (round.Number, (DateTimeOffset?)round.DeadlineUtc) : (0, null);
        return await decisions.FindAsync(input.AgreementId, input.Year) is { } d
            ? new StoredDecision(true, d.Approved, d.DecidedOn, openRound, roundDeadline)
            : new StoredDecision(false, false, null, openRound, roundDeadline);
    }
}
