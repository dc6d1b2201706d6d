using Azure;
using Azure.Data.Tables;

namespace Trygghetsuppfoljning.Workflows.Storage;

/// <summary>Point reads that tell a missing row from a missing table.</summary>
public static class KeyedReads
{
    /// <summary>
    /// The row, or null when it does not exist. A missing table throws: it is a storage fault, never "no such row"
    /// (an owner must hear that storage is down, not that their link is dead; a coordinator must not read "no cycle").
    /// </summary>
    public static async Task<TableEntity?> FindEntityAsync(this TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        if (response.HasValue)
        {
            return response.Value;
        }

        return response.GetRawResponse().Headers.TryGetValue("x-ms-error-code", out var code) && code == "TableNotFound"
            ? throw new RequestFailedException(404, $"The table {table.Name} is missing ({code}).", code, null)
            : null;
    }
}
