using Microsoft.DurableTask;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>At the owner's deadline: submitted or missing, read from Tables, and marked missing there if so.</summary>
public sealed class RecordOwnerOutcomeActivity(ResponseRepository responses, OwnerProgressRepository progress) : TaskActivity<OwnerTaskInput, OwnerInputResult>
{
    public override async Task<OwnerInputResult> RunAsync(TaskActivityContext context, OwnerTaskInput input)
    {
        var cycleId = CycleIds.For(input.AgreementId, input.Year);
        var submitted = (await responses.ListRevisionsAsync(cycleId, input.OwnerId)).Any(r => r.Kind == ResponseKind.Submitted);
        var updated = await progress.UpdateAsync(cycleId, input.OwnerId, p => submitted ? p : p with { ReportedMissing = true });
        return new OwnerInputResult(input.OwnerId, submitted, updated.RemindersSent);
    }
}
