using Azure.Data.Tables;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Storage;

public sealed class AggregateRepository(TableStore store)
{
    /// <summary>
    /// Stores the figures for trends. Without the missing owners' ids: aggregates outlive the purge (gallring), and
    /// ids are names; the count stays (<see cref="CycleAggregate.OwnersTotal"/> − <see cref="CycleAggregate.OwnersAnswered"/>).
    /// </summary>
    public async Task SaveAsync(CycleAggregate aggregate, CancellationToken cancellationToken = default)
    {
        aggregate = aggregate with { MissingOwnerIds = [] };
        var table = await store.GetAsync(TableNames.Aggregates, cancellationToken);
        var entity = new TableEntity(aggregate.AgreementId, aggregate.Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
        ChunkedText.Write(entity, "Figures", DomainJson.Serialize(aggregate));
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Stored aggregates of the agreement, oldest first.</summary>
    public async Task<IReadOnlyList<CycleAggregate>> ListAsync(string agreementId, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Aggregates, cancellationToken);
        var result = new List<CycleAggregate>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == agreementId, cancellationToken: cancellationToken))
        {
            result.Add(DomainJson.Deserialize<CycleAggregate>(ChunkedText.Read(e, "Figures")));
        }

        return result.OrderBy(a => a.Year).ToList();
    }
}
