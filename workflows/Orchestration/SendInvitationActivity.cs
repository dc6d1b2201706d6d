using Microsoft.DurableTask;
using Trygghetsuppfoljning.Workflows.Forms;
using Trygghetsuppfoljning.Workflows.Mail;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>Mails the owner a personal link, once: a recorded invitation makes a rerun a no-op. Reads only this owner's rows.</summary>
public sealed class SendInvitationActivity(CycleSnapshots snapshots, OwnerProgressRepository progress, OwnerLinkIssuer links, MailComposer composer, IMailSender mail, TimeProvider time)
    : TaskActivity<OwnerTaskInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, OwnerTaskInput input)
    {
        var owner = await snapshots.FindOwnerAsync(input.AgreementId, input.Year, input.OwnerId);
        if (owner is null || !owner.Roster.IsActive || owner.Cycle.State == Domain.CycleState.Closed
            || (await progress.GetAsync(owner.Cycle.Id, input.OwnerId)).InvitedUtc is not null)
        {
            return false;
        }

        var link = await links.IssueAsync(input.AgreementId, input.Year, input.OwnerId);
        await mail.SendAsync(composer.Invitation(owner.Agreement, owner.Cycle, owner.Owner, link, reminderNumber: 0));
        await progress.UpdateAsync(owner.Cycle.Id, input.OwnerId, p => p with { InvitedUtc = p.InvitedUtc ?? time.GetUtcNow() });
        return true;
    }
}
