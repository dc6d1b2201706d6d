using Azure.Data.Tables;
using Trygghetsuppfoljning.Workflows.Citizens;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Storage;

/// <summary>
/// Published citizens' summaries (table <see cref="Table"/>: PK agreement id, RK year), one snapshot per approved year.
/// A snapshot, not a view: the purge of answers years later must not change what citizens were told.
/// </summary>
public sealed class CitizenSummaryRepository(TableStore store)
{
    public const string Table = "CitizenSummaries";

    public async Task SaveAsync(CitizenSummary summary, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(Table, cancellationToken);
        var entity = new TableEntity(summary.AgreementId, RowKey(summary.Year)) { ["ApprovedOn"] = summary.ApprovedOn.ToString("yyyy-MM-dd") };
        ChunkedText.Write(entity, "Summary", DomainJson.Serialize(summary));
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<CitizenSummary?> FindAsync(string agreementId, int year, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(Table, cancellationToken);
        var response = await table.FindEntityAsync(agreementId, RowKey(year), cancellationToken);
        return response is not null ? DomainJson.Deserialize<CitizenSummary>(ChunkedText.Read(response, "Summary")) : null;
    }

    /// <summary>The published years of an agreement, newest first.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(string agreementId, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(Table, cancellationToken);
        var years = new List<int>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == agreementId, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            if (int.TryParse(e.RowKey, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year))
            {
                years.Add(year);
            }
        }

        return years.OrderDescending().ToList();
    }

    static string RowKey(int year) => year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
}
