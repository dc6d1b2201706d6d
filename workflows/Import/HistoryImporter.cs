using System.Globalization;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Import;

/// <summary>
/// Earlier years' indicator figures, for a municipality new to the tool: one row per year, measure and indicator
/// (columns År, Åtgärd — its code, title or id —, Indikator, Värde), as .xlsx, CSV or JSON
/// (<c>[{"year":2023,"measure":"K-04","indicator":"Trafikskadade","value":31}]</c>). Each year becomes a
/// <see cref="CycleAggregate"/> holding only indicator values, so the first report already has trend columns; a year
/// the tool itself followed up is never overwritten. All or nothing, every error with its row.
/// </summary>
public sealed class HistoryImporter(AgreementRepository agreements, AggregateRepository aggregates)
{
    public const string Year = "År";
    public const string Measure = "Åtgärd";
    public const string Indicator = "Indikator";
    public const string Value = "Värde";

    static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public async Task<HistoryImportResult> ImportAsync(string agreementId, byte[] content, CancellationToken cancellationToken = default)
    {
        var agreement = await agreements.GetAsync(agreementId, cancellationToken);
        var existing = await aggregates.ListAsync(agreementId, cancellationToken);
        var result = Parse(agreement, content, existing.Where(a => a.MeasuresTotal > 0).Select(a => a.Year).ToHashSet());
        if (result.Errors.Count == 0)
        {
            foreach (var year in result.Years)
            {
                await aggregates.SaveAsync(year, cancellationToken);
            }
        }

        return result;
    }

    /// <param name="followedUpYears">Years with a real cycle's figures, which an import must not replace.</param>
    public static HistoryImportResult Parse(Agreement agreement, byte[] content, IReadOnlySet<int>? followedUpYears = null)
    {
        List<(int Row, string Year, string Measure, string Indicator, string Value)> rows;
        try
        {
            rows = Rows(content);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or OpenXmlPackageException or DecoderFallbackException or FormatException)
        {
            return HistoryImportResult.Failed(new ImportError(null, null, $"Filen kunde inte läsas. Godkända format: Excel (.xlsx) eller CSV (semikolon, UTF-8) med kolumnerna {Year}, {Measure}, {Indicator}, {Value}, eller JSON"));
        }

        var errors = new List<ImportError>();
        if (rows.Count == 0)
        {
            errors.Add(new ImportError(null, null, $"Inga rader med kolumnerna {Year}, {Measure}, {Indicator}, {Value}"));
        }

        var values = new SortedDictionary<int, SortedDictionary<string, decimal>>();
        foreach (var (row, yearText, measureText, indicatorText, valueText) in rows)
        {
            void Error(string message) => errors.Add(new ImportError(null, row, message));
            var errorCount = errors.Count;
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1990 or > 2100)
            {
                Error($"{Year} '{yearText}' är inget årtal");
            }
            else if (followedUpYears?.Contains(year) == true)
            {
                Error($"{year} är redan uppföljt i verktyget; dess siffror ersätts inte");
            }

            var measure = agreement.Measures.FirstOrDefault(m => Matches(measureText, m.Code) || Matches(measureText, m.Title) || Matches(measureText, m.Id));
            Indicator? indicator = null;
            if (measure is null)
            {
                Error(measureText.Length == 0 ? $"{Measure} saknas" : $"{Measure} '{measureText}' finns inte i överenskommelsen (ange kod, titel eller id)");
            }
            else
            {
                indicator = indicatorText.Length == 0 && measure.Indicators.Count == 1
                    ? measure.Indicators[0]
                    : measure.Indicators.FirstOrDefault(i => Matches(indicatorText, i.Name) || Matches(indicatorText, i.Id));
                if (indicator is null)
                {
                    Error(measure.Indicators.Count == 0
                        ? $"Åtgärden '{measureText}' följer inga indikatorer"
                        : $"{Indicator} '{indicatorText}' finns inte för åtgärden '{measureText}' ({string.Join(", ", measure.Indicators.Select(i => i.Name))})");
                }
            }

            var compact = valueText.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00A0", string.Empty, StringComparison.Ordinal);
            if (!decimal.TryParse(compact, NumberStyles.Number, compact.Contains(',', StringComparison.Ordinal) ? Swedish : CultureInfo.InvariantCulture, out var value))
            {
                Error(valueText.Length == 0 ? $"{Value} saknas" : $"{Value} '{valueText}' är inget tal");
            }

            if (errors.Count > errorCount)
            {
                continue;
            }

            var key = CycleAggregate.IndicatorKey(measure!.Id, indicator!.Id);
            var perYear = values.TryGetValue(year, out var y) ? y : values[year] = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
            if (!perYear.TryAdd(key, value))
            {
                Error($"{indicator.Name} {year} står redan på en tidigare rad");
            }
        }

        if (errors.Count > 0)
        {
            return new HistoryImportResult([], errors);
        }

        return new HistoryImportResult(
            values.Select(v => new CycleAggregate(agreement.Id, v.Key, 0, 0, 0, 0, 0,
                new Dictionary<string, IReadOnlyDictionary<MeasureStatus, int>>(), new Dictionary<string, MeasureStatus>(),
                new Dictionary<string, TrafficLight>(), v.Value, [])).ToList(),
            []);
    }

    static bool Matches(string text, string? candidate) =>
        text.Length > 0 && candidate is not null && text.Trim().Equals(candidate.Trim(), StringComparison.OrdinalIgnoreCase);

    static List<(int, string, string, string, string)> Rows(byte[] content)
    {
        SpreadsheetTable table;
        if (content.Length >= 2 && content[0] == (byte)'P' && content[1] == (byte)'K')
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(content, writable: false), false);
            var sheets = SpreadsheetTable.ReadAll(document);
            table = sheets.Count > 0 ? sheets[0].Table : throw new InvalidDataException("No sheet.");
        }
        else
        {
            var start = content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF ? 3 : 0;
            var text = new UTF8Encoding(false, true).GetString(content, start, content.Length - start);
            if (text.TrimStart().StartsWith('['))
            {
                var rows = JsonSerializer.Deserialize<List<HistoryRow>>(text, DomainJson.Options) ?? [];
                return rows.Select((r, i) => (i + 1, r.Year?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, r.Measure ?? string.Empty, r.Indicator ?? string.Empty,
                    r.Value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty)).ToList();
            }

            table = SpreadsheetTable.FromRows(CsvRows.Parse(text));
        }

        var heading = table.RowNumbers.FirstOrDefault(r => table.Row(r).Values.Any(v => v.Trim().Equals(Year, StringComparison.OrdinalIgnoreCase)));
        if (heading == 0)
        {
            return [];
        }

        var columns = table.Row(heading).Where(c => c.Value.Trim().Length > 0).GroupBy(c => c.Value.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Key, StringComparer.OrdinalIgnoreCase);
        string Get(int row, string column) => columns.TryGetValue(column, out var letters) ? table.Cell(row, letters) : string.Empty;
        return table.RowNumbers.Where(r => r > heading)
            .Select(r => (r, Get(r, Year), Get(r, Measure), Get(r, Indicator), Get(r, Value)))
            .Where(r => (r.Item2 + r.Item3 + r.Item4 + r.Item5).Length > 0)
            .ToList();
    }

    sealed record HistoryRow(int? Year, string? Measure, string? Indicator, decimal? Value);
}
