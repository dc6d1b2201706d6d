using Microsoft.DurableTask;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Forms;
using Trygghetsuppfoljning.Workflows.Mail;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>
/// Mails each owner of an open return round a new personal link (tokens are stored only as hashes, so the old link
/// cannot be sent again; it keeps working for them). Each mailed owner is recorded on the round under its ETag, so a
/// retry after an outage mails only those not yet mailed. Returns how many were mailed now.
/// </summary>
public sealed class OpenReturnRoundActivity(
    ReturnRoundRepository rounds, CycleSnapshots snapshots, SteeringDecisionRepository decisions, OwnerLinkIssuer links, MailComposer composer, IMailSender mail)
    : TaskActivity<ReturnRoundTaskInput, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, ReturnRoundTaskInput input)
    {
        var round = await rounds.FindAsync(input.AgreementId, input.Year);
        if (round is not { State: ReturnRoundState.Open } || round.Number != input.Number)
        {
            return 0;
        }

        var note = (await decisions.FindAsync(input.AgreementId, input.Year))?.Note;
        var mailed = 0;
        foreach (var ownerId in round.OwnerIds.Except(round.MailedOwnerIds, StringComparer.Ordinal).ToList())
        {
            var owner = await snapshots.FindOwnerAsync(input.AgreementId, input.Year, ownerId);
            if (owner is null)
            {
                continue;
            }

            var link = await links.IssueAsync(input.AgreementId, input.Year, ownerId);
            await mail.SendAsync(composer.ReturnRoundInvitation(owner.Agreement, owner.Cycle, owner.Owner, link, round, note));
            await rounds.UpdateAsync(input.AgreementId, input.Year, r =>
                r is null || r.Number != round.Number || r.MailedOwnerIds.Contains(ownerId, StringComparer.Ordinal)
                    ? null
                    : r with { MailedOwnerIds = [.. r.MailedOwnerIds, ownerId] });
            mailed++;
        }

        return mailed;
    }
}
