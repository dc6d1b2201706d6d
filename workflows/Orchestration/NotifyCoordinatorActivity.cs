using Microsoft.DurableTask;
using Trygghetsuppfoljning.Workflows.Mail;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>At the deadline: tells the coordinator who has not submitted (read from Tables). Silent when nobody is missing.</summary>
public sealed class NotifyCoordinatorActivity(
    CycleRepository cycles, CycleSnapshots snapshots, ResponseRepository responses, OwnerProgressRepository progress, MailComposer composer, IMailSender mail)
    : TaskActivity<CycleTaskInput, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, CycleTaskInput input)
    {
        var cycle = await cycles.GetAsync(input.AgreementId, input.Year);
        var agreement = (await snapshots.GetRosterAsync(cycle)).ToAgreement();
        var answered = (await responses.LatestSubmittedAsync(cycle.Id)).Select(r => r.OwnerId).ToHashSet(StringComparer.Ordinal);
        var missing = agreement.AnsweringOwners().Where(o => !answered.Contains(o.Id)).ToList();
        if (missing.Count > 0)
        {
            await mail.SendAsync(composer.DeadlineNotice(agreement, cycle, missing, await progress.ListAsync(cycle.Id)));
        }

        return missing.Count;
    }
}
