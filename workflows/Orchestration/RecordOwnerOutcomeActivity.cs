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
        var latest = (await responses.ListRevisionsAsync(cycleId, input.OwnerId)).LastOrDefault(r => r.Kind == ResponseKind.Submitted);
        var submitted = latest is not null;
        var updated = await progress.UpdateAsync(cycleId, input.OwnerId, p => submitted ? p : p with { ReportedMissing = true });
        return new OwnerInputResult(input.OwnerId, submitted, updated.RemindersSent, latest?.Revision ?? 0);
    }
}
