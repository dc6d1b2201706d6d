using Azure.Data.Tables;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Storage;

/// <summary>
/// Effect figures entered by the coordinator or an analyst (table <see cref="Table"/>: PK cycle id, RK
/// "{measure}|{indicator}"). The latest entry per indicator wins; who entered it and when is kept on the row and in the audit log.
/// </summary>
public sealed class EffectFigureRepository(TableStore store)
{
    public const string Table = "EffectFigures";

    public async Task SaveAsync(EffectFigure figure, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(Table, cancellationToken);
        await table.UpsertEntityAsync(
            new TableEntity(figure.CycleId, $"{figure.MeasureId}|{figure.IndicatorId}")
            {
                ["MeasureId"] = figure.MeasureId,
                ["IndicatorId"] = figure.IndicatorId,
                // Decimal as invariant text: Table Storage has no decimal type, and a double would change 3.2 into 3.2000000000000002.
                ["Value"] = figure.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Source"] = figure.Source,
                ["SourceDate"] = figure.SourceDate.ToString("yyyy-MM-dd"),
                ["EnteredBy"] = figure.EnteredBy,
                ["EnteredUtc"] = figure.EnteredUtc,
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    public async Task<IReadOnlyList<EffectFigure>> ListAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(Table, cancellationToken);
        var result = new List<EffectFigure>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == cycleId, cancellationToken: cancellationToken))
        {
            result.Add(new EffectFigure(
                cycleId,
                e.GetString("MeasureId"),
                e.GetString("IndicatorId"),
                decimal.Parse(e.GetString("Value"), System.Globalization.CultureInfo.InvariantCulture),
                e.GetString("Source") ?? string.Empty,
                DateOnly.Parse(e.GetString("SourceDate"), System.Globalization.CultureInfo.InvariantCulture),
                e.GetString("EnteredBy") ?? string.Empty,
                e.GetDateTimeOffset("EnteredUtc") ?? DateTimeOffset.MinValue));
        }

        return result.OrderBy(f => f.MeasureId, StringComparer.Ordinal).ThenBy(f => f.IndicatorId, StringComparer.Ordinal).ToList();
    }
}
