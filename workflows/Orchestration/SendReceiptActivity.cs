using Microsoft.DurableTask;
using Trygghetsuppfoljning.Workflows.Mail;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>Mails the owner a copy of the submitted revision.</summary>
public sealed class SendReceiptActivity(
    AgreementRepository agreements, CycleRepository cycles, ResponseRepository responses, MailComposer composer, IMailSender mail)
    : TaskActivity<SendReceiptInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, SendReceiptInput input)
    {
        var cycle = await cycles.GetAsync(input.AgreementId, input.Year);
        var revision = (await responses.ListRevisionsAsync(cycle.Id, input.OwnerId)).FirstOrDefault(r => r.Revision == input.Revision);
        if (revision is null)
        {
            return false;
        }

        var agreement = await agreements.GetAsync(input.AgreementId);
        var owner = agreement.Owners.First(o => o.Id == input.OwnerId);
        await mail.SendAsync(composer.Receipt(agreement, cycle, owner, revision));
        return true;
    }
}
