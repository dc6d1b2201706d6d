using Azure;
using Azure.Data.Tables;

namespace Trygghetsuppfoljning.Workflows.Storage;

/// <summary>
/// Tables with one row per partition (tokens by hash, sent mail by Message-ID) store that row under its partition key
/// as row key too. Older versions used the empty row key. Why it matters: Azurite indexes PartitionKey and RowKey
/// separately and looks a point read or an upsert up by row key first, so N rows sharing the empty row key made every
/// form request and every invitation scan all N of them (a 10,000-owner cycle spent its emulator's whole core there).
/// Azure serves both layouts alike. Rows in the old layout are still read, and <see cref="ConvertAsync"/> moves them.
/// </summary>
internal static class SingleRowPartitions
{
    /// <summary>The row key older versions stored these rows under.</summary>
    public const string LegacyRowKey = "";

    /// <summary>The row in the partition: under its current key, or else under the old empty key.</summary>
    public static async Task<TableEntity?> FindAsync(TableClient table, string partitionKey, CancellationToken cancellationToken)
    {
        return await table.FindEntityAsync(partitionKey, partitionKey, cancellationToken)
            ?? await table.FindEntityAsync(partitionKey, LegacyRowKey, cancellationToken);
    }

    /// <summary>Deletes the partition's row in either layout.</summary>
    public static async Task DeleteAsync(TableClient table, string partitionKey, CancellationToken cancellationToken)
    {
        await table.DeleteEntityAsync(partitionKey, partitionKey, ETag.All, cancellationToken);
        await table.DeleteEntityAsync(partitionKey, LegacyRowKey, ETag.All, cancellationToken);
    }

    /// <summary>
    /// Moves every row stored under the empty row key to its partition key; idempotent. The old row is deleted only
    /// under the ETag that was copied, so a change made meanwhile (a revocation) is copied again, never dropped.
    /// </summary>
    public static async Task<int> ConvertAsync(TableClient table, CancellationToken cancellationToken)
    {
        var moved = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.RowKey == LegacyRowKey, cancellationToken: cancellationToken))
        {
            var current = row;
            while (current is not null)
            {
                await table.UpsertEntityAsync(CopyUnderPartitionKey(current), TableUpdateMode.Replace, cancellationToken);
                try
                {
                    await table.DeleteEntityAsync(current.PartitionKey, LegacyRowKey, current.ETag, cancellationToken);
                    moved++;
                    current = null;
                }
                catch (RequestFailedException e) when (e.Status == 412)
                {
                    current = await table.FindEntityAsync(row.PartitionKey, LegacyRowKey, cancellationToken);
                }
            }
        }

        return moved;
    }

    static TableEntity CopyUnderPartitionKey(TableEntity row)
    {
        var copy = new TableEntity(row.PartitionKey, row.PartitionKey);
        foreach (var (name, value) in row)
        {
            if (name is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
            {
                copy[name] = value;
            }
        }

        return copy;
    }
}
