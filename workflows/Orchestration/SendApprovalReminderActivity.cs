using Microsoft.DurableTask;
using Trygghetsuppfoljning.Workflows.Mail;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>
/// Reminds the coordinator to record the steering group's decision. The reminder number is claimed in Tables before
/// the mail goes out, so a retry of this activity does not mail twice (a crash between claim and send loses one
/// reminder, which the next interval makes good).
/// </summary>
public sealed class SendApprovalReminderActivity(
    AgreementRepository agreements, CycleRepository cycles, SteeringDecisionRepository decisions, MailComposer composer, IMailSender mail)
    : TaskActivity<SendApprovalReminderInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, SendApprovalReminderInput input)
    {
        if (!await decisions.TryClaimReminderAsync(input.AgreementId, input.Year, input.ReminderNumber))
        {
            return false;
        }

        var agreement = await agreements.GetAsync(input.AgreementId);
        var cycle = await cycles.GetAsync(input.AgreementId, input.Year);
        await mail.SendAsync(composer.ApprovalReminder(agreement, cycle, input.ReminderNumber));
        return true;
    }
}
