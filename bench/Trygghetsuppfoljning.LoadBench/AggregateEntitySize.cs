using Azure.Data.Tables;

namespace Trygghetsuppfoljning.LoadBench;

/// <summary>
/// The size of the stored cycle aggregate entity as Azure Table Storage counts it (strings as UTF-16, property names
/// included): real Azure refuses an entity over 1 MiB, Azurite does not check.
/// </summary>
public static class AggregateEntitySize
{
    public const long AzureEntityLimit = 1024 * 1024;

    public static async Task<long?> BytesAsync(string connectionString, string tablePrefix, string agreementId, int year)
    {
        var table = new TableServiceClient(connectionString).GetTableClient(tablePrefix + "Aggregates");
        var entity = await table.GetEntityIfExistsAsync<TableEntity>(agreementId, year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
        if (!entity.HasValue)
        {
            return null;
        }

        long bytes = 4 + ((entity.Value!.PartitionKey.Length + entity.Value.RowKey.Length) * 2);
        foreach (var (name, value) in entity.Value)
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
