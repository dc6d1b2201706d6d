using Microsoft.Extensions.Logging;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Mail;

/// <summary>
/// Sends the receipts that have fallen due (<see cref="ReceiptOutboxRepository"/>): run every few seconds by the local
/// host and every minute by the Functions app's timer, and once more by the cycle when it closes (everything owed, due
/// or not). A submission costs the form one row in its own transaction instead of a durable event and an orchestration
/// episode per owner. Receipts are at least once: a receipt whose mail went out but whose record failed is sent again.
/// </summary>
public sealed class ReceiptSweeper(
    CycleRepository cycles, CycleSnapshots snapshots, ReceiptOutboxRepository outbox, OwnerMailer mailer, TimeProvider time, ILogger<ReceiptSweeper> logger)
{
    const int Parallelism = 16;

    /// <summary>Every open cycle's due receipts. Failures are logged and retried at the next sweep (the rows stay).</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var sent = 0;
        foreach (var cycle in (await cycles.ListAllAsync(cancellationToken)).Where(c => c.State == CycleState.Open))
        {
            try
            {
                sent += await SendDueAsync(cycle.AgreementId, cycle.Year, now, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Receipts of {Cycle} could not all be sent; the next sweep tries again", cycle.Id);
            }
        }

        return sent;
    }

    /// <summary>Sends one cycle's receipts due at or before <paramref name="dueBeforeUtc"/>; throws if any could not be sent (after trying all).</summary>
    /// <returns>How many receipts were mailed.</returns>
    public async Task<int> SendDueAsync(string agreementId, int year, DateTimeOffset dueBeforeUtc, CancellationToken cancellationToken = default)
    {
        var due = await outbox.ListDueAsync(CycleIds.For(agreementId, year), dueBeforeUtc, cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        // The cycle and its roster once for the sweep; the receipt names what the owner answered for in this cycle.
        var cycle = await cycles.GetAsync(agreementId, year, cancellationToken);
        var roster = await snapshots.GetRosterAsync(cycle, cancellationToken);
        var sent = 0;
        var failures = new List<Exception>();
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (receipt, ct) =>
        {
            try
            {
                // The newest submission re-arms the row with its revision, so the row's revision is the one to receipt.
                if (roster.Find(receipt.OwnerId) is { } owner && await mailer.SendReceiptAsync(new CycleOwner(cycle, roster.Header, owner), receipt.Revision, ct) > 0)
                {
                    Interlocked.Increment(ref sent);
                }

                await outbox.CompleteAsync(receipt, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                lock (failures)
                {
                    failures.Add(e);
                }
            }
        });

        return failures.Count == 0 ? sent : throw new AggregateException($"{failures.Count} of {due.Count} receipts of {agreementId} {year} failed", failures);
    }
}
