using Microsoft.DurableTask;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Mail;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>
/// One reminder round: every active owner without a submission gets reminder number N (with a new link and the current
/// deadline), in bounded parallel, in one activity. Each owner is re-checked against Tables before mailing, and a
/// number already sent is not sent again, so a retried round mails nobody twice.
/// </summary>
public sealed class RemindOwnersActivity(CycleRepository cycles, CycleSnapshots snapshots, OwnerProgressRepository progress, OwnerMailer mailer)
    : TaskActivity<RemindOwnersInput, int>
{
    const int Parallelism = 16;

    /// <returns>How many owners were reminded now.</returns>
    public override async Task<int> RunAsync(TaskActivityContext context, RemindOwnersInput input)
    {
        // The cycle row and its roster once for the round, as the invitation round does.
        var cycle = await cycles.FindAsync(input.AgreementId, input.Year);
        if (cycle is not { State: CycleState.Open } || await snapshots.FindRosterAsync(cycle) is not { } roster)
        {
            return 0;
        }

        // One partition read rules out those who submitted or already have this reminder; the rest are checked one by one.
        var done = (await progress.ListAsync(cycle.Id))
            .Where(p => p.SubmittedUtc is not null || p.RemindersSent >= input.ReminderNumber)
            .Select(p => p.OwnerId)
            .ToHashSet(StringComparer.Ordinal);
        var owners = roster.ActiveOwners.Where(o => !done.Contains(o.Owner.Id)).ToList();
        var reminded = 0;
        await Parallel.ForEachAsync(owners, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (owner, ct) =>
        {
            if (await mailer.RemindAsync(new CycleOwner(cycle, roster.Header, owner), input.ReminderNumber, ct))
            {
                Interlocked.Increment(ref reminded);
            }
        });
        return reminded;
    }
}
