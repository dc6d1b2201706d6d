using Microsoft.DurableTask;
using Trygghetsuppfoljning.Workflows.Forms;
using Trygghetsuppfoljning.Workflows.Mail;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>
/// Reminds an owner who has not submitted. Returns false without mailing when Tables already hold a submission
/// (the truth, even if the event has not arrived) or this reminder number was already sent.
/// </summary>
public sealed class SendReminderActivity(
    AgreementRepository agreements, CycleRepository cycles, OwnerProgressRepository progress, OwnerLinkIssuer links, MailComposer composer, IMailSender mail, TimeProvider time)
    : TaskActivity<SendReminderInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, SendReminderInput input)
    {
        var cycle = await cycles.GetAsync(input.AgreementId, input.Year);
        var current = await progress.GetAsync(cycle.Id, input.OwnerId);
        if (current.SubmittedUtc is not null)
        {
            return false;
        }

        if (current.RemindersSent >= input.ReminderNumber)
        {
            return true;
        }

        var agreement = await agreements.GetAsync(input.AgreementId);
        var owner = agreement.Owners.First(o => o.Id == input.OwnerId);

        // The first link's token is not stored, so the reminder carries a new one; the old link keeps working.
        var link = await links.IssueAsync(input.AgreementId, input.Year, input.OwnerId);
        await mail.SendAsync(composer.Invitation(agreement, cycle, owner, link, input.ReminderNumber));
        await progress.UpdateAsync(cycle.Id, input.OwnerId, p => p with { RemindersSent = Math.Max(p.RemindersSent, input.ReminderNumber), LastRemindedUtc = time.GetUtcNow() });
        return true;
    }
}
