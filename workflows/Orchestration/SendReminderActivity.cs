using Microsoft.DurableTask;
using Trygghetsuppfoljning.Workflows.Mail;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>One owner's reminder, for cycles run by the legacy <see cref="OwnerInputOrchestrator"/> (see <see cref="OwnerMailer.RemindAsync"/>).</summary>
public sealed class SendReminderActivity(OwnerMailer mailer) : TaskActivity<SendReminderInput, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, SendReminderInput input) =>
        mailer.RemindAsync(input.AgreementId, input.Year, input.OwnerId, input.ReminderNumber);
}
