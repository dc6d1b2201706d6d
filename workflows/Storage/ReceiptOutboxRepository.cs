using Azure;
using Azure.Data.Tables;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Storage;

/// <summary>
/// Receipts owed to owners, one row per owner in the cycle's responses partition (<c>~receipt|{owner}</c>). A submission
/// writes its row in the same entity-group transaction as the revision (<see cref="ResponseRepository.AppendAsync"/>):
/// an answer stored is a receipt owed, whatever happens to the process next. Each new submission moves the row's due
/// time (one receipt per burst of submissions); <see cref="Mail.ReceiptSweeper"/> claims a due row under its ETag (so
/// the sweeper and the closing cycle never both send it), sends the receipt and removes the row under the claim's ETag,
/// so a submission that re-armed it in between is never lost. A claim whose sender died expires and is taken again.
/// </summary>
public sealed class ReceiptOutboxRepository(TableStore store)
{
    // '~' sorts after every owner id (slugs), so the rows form one range of their own next to the revisions.
    const string Prefix = "~receipt|";
    const string End = "~receipt}";

    /// <summary>The row a submission writes (an upsert) in the revision's own transaction.</summary>
    internal static TableEntity Row(string cycleId, string ownerId, int revision, DateTimeOffset dueUtc) => new(cycleId, Prefix + ownerId)
    {
        ["OwnerId"] = ownerId,
        ["Revision"] = revision,
        ["DueUtc"] = dueUtc,
    };

    /// <summary>The receipts of a cycle due at or before <paramref name="dueBeforeUtc"/>: a range of the partition, O(pending receipts).</summary>
    public async Task<IReadOnlyList<ReceiptDue>> ListDueAsync(string cycleId, DateTimeOffset dueBeforeUtc, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Responses, cancellationToken);
        var due = new List<ReceiptDue>();
        await foreach (var e in table.QueryAsync<TableEntity>(
            e => e.PartitionKey == cycleId && e.RowKey.CompareTo(Prefix) >= 0 && e.RowKey.CompareTo(End) < 0, cancellationToken: cancellationToken))
        {
            if (e.GetDateTimeOffset("DueUtc") is { } at && at <= dueBeforeUtc)
            {
                due.Add(new ReceiptDue(cycleId, e.GetString("OwnerId"), e.GetInt32("Revision") ?? 0, at, e.ETag, e.GetDateTimeOffset("ClaimedUntilUtc")));
            }
        }

        return due;
    }

    /// <summary>Claims a receipt to send it until <paramref name="untilUtc"/>. Null when another sender claimed it first or a submission re-armed it.</summary>
    public async Task<ReceiptDue?> TryClaimAsync(ReceiptDue receipt, DateTimeOffset untilUtc, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Responses, cancellationToken);
        try
        {
            var response = await table.UpdateEntityAsync(
                new TableEntity(receipt.CycleId, Prefix + receipt.OwnerId) { ["ClaimedUntilUtc"] = untilUtc }, receipt.ETag, TableUpdateMode.Merge, cancellationToken);
            return receipt with { ETag = response.Headers.ETag ?? ETag.All, ClaimedUntilUtc = untilUtc };
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return null;
        }
    }

    /// <summary>Removes a receipt that was sent. False when a newer submission re-armed it (its own due time then applies).</summary>
    public async Task<bool> CompleteAsync(ReceiptDue receipt, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Responses, cancellationToken);
        try
        {
            await table.DeleteEntityAsync(receipt.CycleId, Prefix + receipt.OwnerId, receipt.ETag, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return e.Status == 404;
        }
    }
}

/// <summary>A receipt owed: the owner's submitted revision when it was armed, when it falls due, and until when a sender holds it.</summary>
public sealed record ReceiptDue(string CycleId, string OwnerId, int Revision, DateTimeOffset DueUtc, ETag ETag, DateTimeOffset? ClaimedUntilUtc = null);
