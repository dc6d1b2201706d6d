using Azure.Data.Tables;

namespace Trygghetsuppfoljning.LoadBench;

/// <summary>
/// Counts rows of the Azure Storage backend's history table (<c>{TaskHub}History</c>; one row per history event,
/// partition = instance id, plus one "sentinel" row per instance that is not an event).
/// </summary>
public sealed class DurableHistory(string connectionString, string taskHub)
{
    readonly TableClient table = new TableServiceClient(connectionString).GetTableClient(taskHub + "History");

    /// <summary>History events of one instance (e.g. the cycle).</summary>
    public async Task<int> EventsOfAsync(string instanceId, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == instanceId, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            count += row.RowKey == "sentinel" ? 0 : 1;
        }

        return count;
    }

    /// <summary>History events of every instance in the task hub: the work the engine did. Null if it takes longer than <paramref name="cap"/>.</summary>
    public async Task<long?> AllEventsAsync(TimeSpan cap)
    {
        using var timeout = new CancellationTokenSource(cap);
        long count = 0;
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>(select: ["RowKey"], maxPerPage: 1000, cancellationToken: timeout.Token))
            {
                count += row.RowKey == "sentinel" ? 0 : 1;
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        return count;
    }
}
