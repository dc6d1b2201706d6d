using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Orchestration;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Mail;

/// <summary>
/// Sends the receipts that have fallen due (<see cref="ReceiptOutboxRepository"/>): run every few seconds by the local
/// host and every minute by the Functions app's timer, and once more by the cycle when it closes (everything owed, due
/// or not). A submission costs the form one row in its own transaction instead of a durable event and an orchestration
/// episode per owner. Receipts are at least once: a receipt whose mail went out but whose record failed is sent again.
/// </summary>
public sealed class ReceiptSweeper(
    CycleRepository cycles, CycleSnapshots snapshots, ReceiptOutboxRepository outbox, OwnerMailer mailer, IOptions<CycleScheduleOptions> schedule,
    TimeProvider time, ILogger<ReceiptSweeper> logger)
{
    const int Parallelism = 16;

    // Up to this many receipts owed, each owner's roster row is read by key; beyond it, the whole roster once is cheaper.
    const int KeyedOwnerReadsUpTo = 100;

    static readonly TimeSpan ClaimPoll = TimeSpan.FromMilliseconds(500);

    /// <summary>Every open cycle's due receipts. Failures are logged and retried at the next sweep (the rows stay).</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var sent = 0;
        foreach (var cycle in (await cycles.ListAllAsync(cancellationToken)).Where(c => c.State == CycleState.Open))
        {
            try
            {
                sent += await SendDueAsync(cycle.AgreementId, cycle.Year, now, cancellationToken: cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Receipts of {Cycle} could not all be sent; the next sweep tries again", cycle.Id);
            }
        }

        return sent;
    }

    /// <summary>
    /// Sends one cycle's receipts due at or before <paramref name="dueBeforeUtc"/>; throws if any could not be sent (after
    /// trying all). Each is claimed first, so a concurrent sender (the sweeper and the closing cycle) never sends it too.
    /// </summary>
    /// <param name="untilNoneOwed">The closing cycle: also wait out receipts another sender holds (until sent, or until
    /// its claim expires and this call takes them), so nothing owed is left behind a closed cycle, which is never swept.</param>
    /// <returns>How many receipts were mailed.</returns>
    public async Task<int> SendDueAsync(string agreementId, int year, DateTimeOffset dueBeforeUtc, bool untilNoneOwed = false, CancellationToken cancellationToken = default)
    {
        var cycleId = CycleIds.For(agreementId, year);
        var sent = 0;
        CycleRoster? roster = null;
        Cycle? cycle = null;
        while (true)
        {
            var now = time.GetUtcNow();
            var due = await outbox.ListDueAsync(cycleId, dueBeforeUtc, cancellationToken);
            var free = due.Where(r => r.ClaimedUntilUtc is not { } until || until <= now).ToList();
            if (free.Count > 0)
            {
                // The receipt names what the owner answered for in this cycle. A sweep between submissions owes a few:
                // their owners' rows by key. The close may owe many: the whole roster, once.
                cycle ??= await cycles.GetAsync(agreementId, year, cancellationToken);
                if (free.Count > KeyedOwnerReadsUpTo)
                {
                    roster ??= await snapshots.GetRosterAsync(cycle, cancellationToken);
                }

                sent += await SendAsync(cycle, roster, free, now + schedule.Value.ReceiptClaimTime, cancellationToken);
            }

            if (!untilNoneOwed || due.Count == free.Count)
            {
                return sent;
            }

            await Task.Delay(ClaimPoll, cancellationToken);
        }
    }

    async Task<int> SendAsync(Cycle cycle, CycleRoster? roster, List<ReceiptDue> due, DateTimeOffset claimUntilUtc, CancellationToken cancellationToken)
    {
        var sent = 0;
        var failures = new List<Exception>();
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (receipt, ct) =>
        {
            try
            {
                if (await outbox.TryClaimAsync(receipt, claimUntilUtc, ct) is not { } claimed)
                {
                    return;
                }

                // The newest submission re-arms the row with its revision, so the row's revision is the one to receipt.
                var owner = roster is null
                    ? await snapshots.FindOwnerAsync(cycle, claimed.OwnerId, ct)
                    : roster.Find(claimed.OwnerId) is { } row ? new CycleOwner(cycle, roster.Header, row) : null;
                if (owner is not null && await mailer.SendReceiptAsync(owner, claimed.Revision, ct) > 0)
                {
                    Interlocked.Increment(ref sent);
                }

                await outbox.CompleteAsync(claimed, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                lock (failures)
                {
                    failures.Add(e);
                }
            }
        });

        return failures.Count == 0 ? sent : throw new AggregateException($"{failures.Count} of {due.Count} receipts of {cycle.Id} failed", failures);
    }
}
