using Microsoft.DurableTask;
using Trygghetsuppfoljning.Workflows.Citizens;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>Publishes the citizens' summary of an approved cycle (a snapshot; publishing again replaces it with the same content).</summary>
public sealed class PublishCitizenSummaryActivity(CitizenSummaryService summaries) : TaskActivity<ApprovalTaskInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, ApprovalTaskInput input) =>
        await summaries.PublishAsync(input.AgreementId, input.Year);
}
