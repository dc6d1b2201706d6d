using Azure.Data.Tables;

namespace Trygghetsuppfoljning.Workflows.Storage;

internal static class TableBatches
{
    // A table transaction holds at most 100 actions, all in one partition.
    const int MaxActions = 100;

    public static async Task SubmitAsync(TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        foreach (var partition in actions.GroupBy(a => a.Entity.PartitionKey))
        {
            foreach (var chunk in partition.Chunk(MaxActions))
            {
                await table.SubmitTransactionAsync(chunk, cancellationToken);
            }
        }
    }
}
