using Microsoft.DurableTask;
using Trygghetsuppfoljning.Workflows.Forms;
using Trygghetsuppfoljning.Workflows.Mail;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>Mails the owner a personal link, once: a recorded invitation makes a rerun a no-op.</summary>
public sealed class SendInvitationActivity(
    AgreementRepository agreements, CycleRepository cycles, OwnerProgressRepository progress, OwnerLinkIssuer links, MailComposer composer, IMailSender mail, TimeProvider time)
    : TaskActivity<OwnerTaskInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, OwnerTaskInput input)
    {
        var cycle = await cycles.GetAsync(input.AgreementId, input.Year);
        if ((await progress.GetAsync(cycle.Id, input.OwnerId)).InvitedUtc is not null)
        {
            return false;
        }

        var agreement = await agreements.GetAsync(input.AgreementId);
        var owner = agreement.Owners.First(o => o.Id == input.OwnerId);
        var link = await links.IssueAsync(input.AgreementId, input.Year, input.OwnerId);
        await mail.SendAsync(composer.Invitation(agreement, cycle, owner, link, reminderNumber: 0));
        await progress.UpdateAsync(cycle.Id, input.OwnerId, p => p with { InvitedUtc = time.GetUtcNow() });
        return true;
    }
}
