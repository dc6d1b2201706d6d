using Microsoft.DurableTask;
using Trygghetsuppfoljning.Workflows.Mail;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>One owner's invitation, for cycles run by the legacy <see cref="OwnerInputOrchestrator"/> (see <see cref="OwnerMailer.InviteAsync"/>).</summary>
public sealed class SendInvitationActivity(OwnerMailer mailer) : TaskActivity<OwnerTaskInput, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, OwnerTaskInput input) =>
        mailer.InviteAsync(input.AgreementId, input.Year, input.OwnerId);
}
