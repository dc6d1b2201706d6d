using Azure;
using Azure.Data.Tables;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Storage;

/// <summary>
/// A cycle's aggregate, per agreement: a row <c>{year}</c> and, when its figures outgrow one entity (per-measure maps
/// pass Azure's 1 MiB entity limit at roughly 12,000 measures), part rows <c>{year}|{part}</c>. The year row says how
/// many parts there are; rows an older version stored (one entity, no part count) read as one part.
/// </summary>
public sealed class AggregateRepository(TableStore store)
{
    const string PartSeparator = "|";

    /// <summary>
    /// Stores the figures for trends. Without the missing owners' ids: aggregates outlive the purge (gallring), and
    /// ids are names; the count stays (<see cref="CycleAggregate.OwnersTotal"/> − <see cref="CycleAggregate.OwnersAnswered"/>).
    /// Parts are written before the year row that counts them, so a reader never sees a count without its parts.
    /// </summary>
    public async Task SaveAsync(CycleAggregate aggregate, CancellationToken cancellationToken = default)
    {
        aggregate = aggregate with { MissingOwnerIds = [] };
        var table = await store.GetAsync(TableNames.Aggregates, cancellationToken);
        var year = YearKey(aggregate.Year);
        var pieces = ChunkedText.Pieces(DomainJson.Serialize(aggregate), ChunkedText.CharsPerEntity);
        for (int part = 1; part < pieces.Count; part++)
        {
            var row = new TableEntity(aggregate.AgreementId, PartKey(year, part));
            ChunkedText.Write(row, "Figures", pieces[part]);
            await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        }

        var head = new TableEntity(aggregate.AgreementId, year) { ["Parts"] = pieces.Count };
        ChunkedText.Write(head, "Figures", pieces[0]);
        await table.UpsertEntityAsync(head, TableUpdateMode.Replace, cancellationToken);

        // Parts left over from an earlier, larger save of the same year are no longer counted: remove them.
        string from = PartKey(year, pieces.Count), to = year + PartSeparator + "~";
        await foreach (var stale in table.QueryAsync<TableEntity>(
            e => e.PartitionKey == aggregate.AgreementId && e.RowKey.CompareTo(from) >= 0 && e.RowKey.CompareTo(to) < 0,
            select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await table.DeleteEntityAsync(stale.PartitionKey, stale.RowKey, ETag.All, cancellationToken);
        }
    }

    /// <summary>Stored aggregates of the agreement, oldest first.</summary>
    public async Task<IReadOnlyList<CycleAggregate>> ListAsync(string agreementId, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Aggregates, cancellationToken);
        var heads = new List<TableEntity>();
        var parts = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == agreementId, cancellationToken: cancellationToken))
        {
            if (e.RowKey.Contains(PartSeparator, StringComparison.Ordinal))
            {
                parts[e.RowKey] = e;
            }
            else
            {
                heads.Add(e);
            }
        }

        var result = new List<CycleAggregate>();
        foreach (var head in heads)
        {
            var count = head.GetInt32("Parts") ?? 1;
            var text = new System.Text.StringBuilder(ChunkedText.Read(head, "Figures"));
            for (int part = 1; part < count; part++)
            {
                text.Append(parts.TryGetValue(PartKey(head.RowKey, part), out var row)
                    ? ChunkedText.Read(row, "Figures")
                    : throw new InvalidOperationException($"The aggregate {agreementId}/{head.RowKey} lacks its part {part} of {count}."));
            }

            result.Add(DomainJson.Deserialize<CycleAggregate>(text.ToString()));
        }

        return result.OrderBy(a => a.Year).ToList();
    }

    static string YearKey(int year) => year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    static string PartKey(string yearKey, int part) => $"{yearKey}{PartSeparator}{part:D3}";
}
