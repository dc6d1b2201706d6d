using Microsoft.DurableTask;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Mail;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>
/// Invites every active owner of the cycle not yet invited, in bounded parallel, in one activity: the cycle's history
/// holds one task whatever the number of owners, and a retry or a second call (a replacement joined) invites only
/// those still without an invitation.
/// </summary>
public sealed class InviteOwnersActivity(CycleRepository cycles, CycleSnapshots snapshots, OwnerProgressRepository progress, OwnerMailer mailer)
    : TaskActivity<CycleTaskInput, int>
{
    const int Parallelism = 32;

    /// <returns>How many owners were invited now.</returns>
    public override async Task<int> RunAsync(TaskActivityContext context, CycleTaskInput input)
    {
        // The cycle row, its roster and its progress are read once for the round; per owner: a link, a mail, one merge.
        var cycle = await cycles.FindAsync(input.AgreementId, input.Year);
        if (cycle is not { State: CycleState.Open } || await snapshots.FindRosterAsync(cycle) is not { } roster)
        {
            return 0;
        }

        var invited = (await progress.ListAsync(cycle.Id)).Where(p => p.InvitedUtc is not null).Select(p => p.OwnerId).ToHashSet(StringComparer.Ordinal);
        var owners = roster.ActiveOwners.Where(o => o.Measures.Count > 0 && !invited.Contains(o.Owner.Id)).ToList();
        await Parallel.ForEachAsync(owners, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, (owner, ct) =>
            new ValueTask(mailer.InviteAsync(new CycleOwner(cycle, roster.Header, owner), ct)));
        return owners.Count;
    }
}
