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
public sealed class InviteOwnersActivity(CycleRosterRepository rosters, OwnerProgressRepository progress, OwnerMailer mailer) : TaskActivity<CycleTaskInput, int>
{
    const int Parallelism = 16;

    /// <returns>How many owners were invited now.</returns>
    public override async Task<int> RunAsync(TaskActivityContext context, CycleTaskInput input)
    {
        var cycleId = CycleIds.For(input.AgreementId, input.Year);
        var invited = (await progress.ListAsync(cycleId)).Where(p => p.InvitedUtc is not null).Select(p => p.OwnerId).ToHashSet(StringComparer.Ordinal);
        var owners = (await rosters.ListActiveOwnerIdsAsync(cycleId)).Where(o => !invited.Contains(o)).ToList();
        var sent = 0;
        await Parallel.ForEachAsync(owners, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (ownerId, ct) =>
        {
            if (await mailer.InviteAsync(input.AgreementId, input.Year, ownerId, ct))
            {
                Interlocked.Increment(ref sent);
            }
        });
        return sent;
    }
}
