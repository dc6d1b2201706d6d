using Microsoft.DurableTask;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>Reads the stored decision: the approval orchestration's only source of truth (events are wake-ups).</summary>
public sealed class ReadSteeringDecisionActivity(SteeringDecisionRepository decisions) : TaskActivity<ApprovalTaskInput, StoredDecision>
{
    public override async Task<StoredDecision> RunAsync(TaskActivityContext context, ApprovalTaskInput input) =>
        await decisions.FindAsync(input.AgreementId, input.Year) is { } d
            ? new StoredDecision(true, d.Approved, d.DecidedOn)
            : new StoredDecision(false, false, null);
}
