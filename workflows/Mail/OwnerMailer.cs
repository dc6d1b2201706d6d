using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Forms;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Mail;

/// <summary>
/// The three mails an owner gets in a cycle — invitation, reminder, receipt — each safe to repeat: progress in Tables
/// records what went out, so a retried activity, a resumed cycle or a second sweeper mails once. Reads only this
/// owner's rows (cycle row, roster row, cached header, progress, revision head), whatever the size of the agreement.
/// </summary>
public sealed class OwnerMailer(
    CycleSnapshots snapshots, ResponseRepository responses, OwnerProgressRepository progress, OwnerLinkIssuer links, MailComposer composer, IMailSender mail, TimeProvider time)
{
    /// <summary>Mails the owner a personal link, once. False: already invited, replaced, closed, or not in the roster.</summary>
    public async Task<bool> InviteAsync(string agreementId, int year, string ownerId, CancellationToken cancellationToken = default)
    {
        var owner = await snapshots.FindOwnerAsync(agreementId, year, ownerId, cancellationToken);
        if (owner is null || !owner.Roster.IsActive || owner.Cycle.State == CycleState.Closed
            || (await progress.GetAsync(owner.Cycle.Id, ownerId, cancellationToken)).InvitedUtc is not null)
        {
            return false;
        }

        await InviteAsync(owner, cancellationToken);
        return true;
    }

    /// <summary>
    /// Mails an owner the caller has already found active and not yet invited (a round reads the roster and the
    /// progress of the whole cycle once): a new link, the mail, and one merge recording it.
    /// </summary>
    public async Task InviteAsync(CycleOwner owner, CancellationToken cancellationToken = default)
    {
        var link = await links.IssueAsync(owner.Cycle.AgreementId, owner.Cycle.Year, owner.Owner.Id, cancellationToken);
        await mail.SendAsync(composer.Invitation(owner.Agreement, owner.Cycle, owner.Owner, link, reminderNumber: 0), cancellationToken);
        await progress.RecordInvitedAsync(owner.Cycle.Id, owner.Owner.Id, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// Reminds an owner who has not submitted. Returns false without mailing when Tables already hold a submission,
    /// the cycle is closed, or the owner was replaced; a reminder number already sent is not sent again.
    /// </summary>
    public async Task<bool> RemindAsync(string agreementId, int year, string ownerId, int reminderNumber, CancellationToken cancellationToken = default)
    {
        var owner = await snapshots.FindOwnerAsync(agreementId, year, ownerId, cancellationToken);
        if (owner is null || !owner.Roster.IsActive || owner.Cycle.State == CycleState.Closed)
        {
            return false;
        }

        return await RemindAsync(owner, reminderNumber, cancellationToken);
    }

    /// <summary>The reminder of an active owner the caller has already found (a round reads the cycle's roster once).</summary>
    public async Task<bool> RemindAsync(CycleOwner owner, int reminderNumber, CancellationToken cancellationToken = default)
    {
        var cycleId = owner.Cycle.Id;
        var ownerId = owner.Owner.Id;
        if ((await responses.RevisionNumbersAsync(owner.Cycle, ownerId, cancellationToken)).LatestSubmitted > 0)
        {
            return false;
        }

        if ((await progress.GetAsync(cycleId, ownerId, cancellationToken)).RemindersSent >= reminderNumber)
        {
            return true;
        }

        // The first link's token is not stored, so the reminder carries a new one; the old link keeps working.
        var link = await links.IssueAsync(owner.Cycle.AgreementId, owner.Cycle.Year, ownerId, cancellationToken);
        await mail.SendAsync(composer.Invitation(owner.Agreement, owner.Cycle, owner.Owner, link, reminderNumber), cancellationToken);
        await progress.UpdateAsync(cycleId, ownerId, p => p with { RemindersSent = Math.Max(p.RemindersSent, reminderNumber), LastRemindedUtc = time.GetUtcNow() }, cancellationToken);
        return true;
    }

    /// <summary>
    /// Mails the owner a copy of a submitted revision (0: the latest), unless a receipt for it or a later one went out
    /// already: the receipted revision is recorded, so repeated submits and retries mail once.
    /// </summary>
    /// <returns>The receipted revision, or 0 when nothing was sent.</returns>
    public async Task<int> SendReceiptAsync(string agreementId, int year, string ownerId, int revision = 0, CancellationToken cancellationToken = default)
    {
        var owner = await snapshots.FindOwnerAsync(agreementId, year, ownerId, cancellationToken);
        if (owner is null)
        {
            return 0;
        }

        return await SendReceiptAsync(owner, revision, cancellationToken);
    }

    /// <summary>The receipt of an owner the caller has already found (a sweep reads the cycle's roster once).</summary>
    /// <param name="revision">The submitted revision to receipt; 0: the latest.</param>
    public async Task<int> SendReceiptAsync(CycleOwner owner, int revision, CancellationToken cancellationToken = default)
    {
        var ownerId = owner.Owner.Id;
        var receipted = (await progress.GetAsync(owner.Cycle.Id, ownerId, cancellationToken)).ReceiptRevision;
        if (revision != 0 && receipted >= revision)
        {
            return 0;
        }

        var submitted = revision == 0
            ? await responses.LatestSubmittedAsync(owner.Cycle, ownerId, cancellationToken)
            : await responses.GetRevisionAsync(owner.Cycle.Id, ownerId, revision, cancellationToken);
        if (submitted is null || receipted >= submitted.Revision)
        {
            return 0;
        }

        await mail.SendAsync(composer.Receipt(owner.Agreement, owner.Cycle, owner.Owner, submitted), cancellationToken);
        await progress.UpdateAsync(owner.Cycle.Id, ownerId, p => p with { ReceiptRevision = Math.Max(p.ReceiptRevision, submitted.Revision) }, cancellationToken);
        return submitted.Revision;
    }
}
