using Microsoft.DurableTask;
using Trygghetsuppfoljning.Workflows.Mail;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>One owner's receipt, for cycles run by the legacy <see cref="OwnerInputOrchestrator"/> (see <see cref="OwnerMailer.SendReceiptAsync"/>).</summary>
public sealed class SendReceiptActivity(OwnerMailer mailer) : TaskActivity<SendReceiptInput, int>
{
    /// <returns>The receipted revision, or 0 when nothing was sent.</returns>
    public override Task<int> RunAsync(TaskActivityContext context, SendReceiptInput input) =>
        mailer.SendReceiptAsync(input.AgreementId, input.Year, input.OwnerId, input.Revision);
}
