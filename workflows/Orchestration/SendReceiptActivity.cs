using Microsoft.DurableTask;
using Trygghetsuppfoljning.Workflows.Mail;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>
/// Mails the owner a copy of a submitted revision, unless a receipt for it (or a later one) went out already: the
/// receipted revision is recorded, so repeated submits, retries and the catch-up after a lost event mail once.
/// </summary>
public sealed class SendReceiptActivity(CycleSnapshots snapshots, ResponseRepository responses, OwnerProgressRepository progress, MailComposer composer, IMailSender mail)
    : TaskActivity<SendReceiptInput, int>
{
    /// <returns>The receipted revision, or 0 when nothing was sent.</returns>
    public override async Task<int> RunAsync(TaskActivityContext context, SendReceiptInput input)
    {
        var owner = await snapshots.FindOwnerAsync(input.AgreementId, input.Year, input.OwnerId);
        if (owner is null)
        {
            return 0;
        }

        var revision = input.Revision == 0
            ? await responses.LatestSubmittedAsync(owner.Cycle.Id, input.OwnerId)
            : await responses.GetRevisionAsync(owner.Cycle.Id, input.OwnerId, input.Revision);
        if (revision is null || (await progress.GetAsync(owner.Cycle.Id, input.OwnerId)).ReceiptRevision >= revision.Revision)
        {
            return 0;
        }

        await mail.SendAsync(composer.Receipt(owner.Agreement, owner.Cycle, owner.Owner, revision));
        await progress.UpdateAsync(owner.Cycle.Id, input.OwnerId, p => p with { ReceiptRevision = Math.Max(p.ReceiptRevision, revision.Revision) });
        return revision.Revision;
    }
}
