using Microsoft.DurableTask;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Forms;
using Trygghetsuppfoljning.Workflows.Mail;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>
/// Reminds an owner who has not submitted. Returns false without mailing when Tables already hold a submission
/// (the truth, even if the event has not arrived), the cycle is closed, or the owner was replaced; a reminder number
/// already sent is not sent again.
/// </summary>
public sealed class SendReminderActivity(
    CycleSnapshots snapshots, ResponseRepository responses, OwnerProgressRepository progress, OwnerLinkIssuer links, MailComposer composer, IMailSender mail, TimeProvider time)
    : TaskActivity<SendReminderInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, SendReminderInput input)
    {
        var owner = await snapshots.FindOwnerAsync(input.AgreementId, input.Year, input.OwnerId);
        if (owner is null || !owner.Roster.IsActive || owner.Cycle.State == CycleState.Closed)
        {
            return false;
        }

        if ((await responses.RevisionNumbersAsync(owner.Cycle.Id, input.OwnerId)).LatestSubmitted > 0)
        {
            return false;
        }

        if ((await progress.GetAsync(owner.Cycle.Id, input.OwnerId)).RemindersSent >= input.ReminderNumber)
        {
            return true;
        }

        // The first link's token is not stored, so the reminder carries a new one; the old link keeps working.
        var link = await links.IssueAsync(input.AgreementId, input.Year, input.OwnerId);
        await mail.SendAsync(composer.Invitation(owner.Agreement, owner.Cycle, owner.Owner, link, input.ReminderNumber));
        await progress.UpdateAsync(owner.Cycle.Id, input.OwnerId, p => p with { RemindersSent = Math.Max(p.RemindersSent, input.ReminderNumber), LastRemindedUtc = time.GetUtcNow() });
        return true;
    }
}
