using Azure.Data.Tables;

namespace Trygghetsuppfoljning.LoadBench;

/// <summary>
/// The size of the stored cycle aggregate's largest entity as Azure Table Storage counts it (strings as UTF-16, property
/// names included): Azure and Azurite refuse an entity over 1 MiB.
/// </summary>
public static class AggregateEntitySize
{
    public const long AzureEntityLimit = 1024 * 1024;

    /// <summary>The largest of the rows the cycle's aggregate is stored in (its year row and any part rows).</summary>
    public static async Task<long?> BytesAsync(string connectionString, string tablePrefix, string agreementId, int year)
    {
        var table = new TableServiceClient(connectionString).GetTableClient(tablePrefix + "Aggregates");
        var yearKey = year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        long? largest = null;
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == agreementId))
        {
            if (entity.RowKey == yearKey || entity.RowKey.StartsWith(yearKey + "|", StringComparison.Ordinal))
            {
                largest = Math.Max(largest ?? 0, SizeOf(entity));
            }
        }

        return largest;
    }

    static long SizeOf(TableEntity entity)
    {
        long bytes = 4 + ((entity.PartitionKey.Length + entity.RowKey.Length) * 2);
        foreach (var (name, value) in entity)
        {
            bytes += 8 + (name.Length * 2) + value switch
            {
                string s => 4 + (s.Length * 2),
                byte[] b => 4 + b.Length,
                _ => 8,
            };
        }

        return bytes;
    }
}
