using Azure.Data.Tables;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Storage;

public sealed class MeasureRepository(TableStore store)
{
    public async Task ReplaceAllAsync(string agreementId, IReadOnlyList<Measure> measures, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Measures, cancellationToken);
        var keep = measures.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var actions = measures.Select((m, i) => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(agreementId, m.Id)
        {
            ["FocusAreaId"] = m.FocusAreaId,
            ["Title"] = m.Title,
            ["OwnerId"] = m.OwnerId,
            ["Description"] = m.Description,
            ["Indicators"] = DomainJson.Serialize(m.Indicators),
            ["Order"] = i,
            ["Code"] = m.Code,
        })).ToList();
        await foreach (var existing in table.QueryAsync<TableEntity>(e => e.PartitionKey == agreementId, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            if (!keep.Contains(existing.RowKey))
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, existing));
            }
        }

        await TableBatches.SubmitAsync(table, actions, cancellationToken);
    }

    public async Task<IReadOnlyList<Measure>> ListAsync(string agreementId, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Measures, cancellationToken);
        var rows = new List<(int Order, Measure Measure)>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == agreementId, cancellationToken: cancellationToken))
        {
            rows.Add((e.GetInt32("Order") ?? 0, new Measure(
                e.RowKey,
                e.GetString("FocusAreaId"),
                e.GetString("Title"),
                e.GetString("OwnerId"),
                DomainJson.Deserialize<List<Indicator>>(e.GetString("Indicators") ?? "[]"),
                e.GetString("Description"),
                e.GetString("Code"))));
        }

        return rows.OrderBy(r => r.Order).Select(r => r.Measure).ToList();
    }
}
