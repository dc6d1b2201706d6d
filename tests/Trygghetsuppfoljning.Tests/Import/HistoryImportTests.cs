using System.Text;
using Trygghetsuppfoljning.Tests.Reports;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Import;

namespace Trygghetsuppfoljning.Tests.Import;

/// <summary>Earlier years' figures, imported so a municipality's first report already shows trends.</summary>
public sealed class HistoryImportTests
{
    static readonly Agreement Second = SecondAgreementReportData.Agreement();

    [Fact]
    public void Csv_with_codes_and_decimal_commas_becomes_one_figures_only_aggregate_per_year()
    {
        var result = HistoryImporter.Parse(Second, Encoding.UTF8.GetBytes(SecondAgreementReportData.HistoryCsv));

        Assert.Empty(result.Lines);
        Assert.Equal([2022, 2023, 2024], result.Years.Select(y => y.Year));
        Assert.Equal(61.5m, result.Years[1].IndicatorValues[CycleAggregate.IndicatorKey("m3", "trygga")]);
        Assert.Equal(150m, result.Years[2].IndicatorValues[CycleAggregate.IndicatorKey("m5", "inbrott")]);
        Assert.All(result.Years, y => Assert.Equal(0, y.MeasuresTotal));
    }

    [Fact]
    public void Json_rows_import_the_same_and_a_measure_with_one_indicator_needs_no_indicator_name()
    {
        var json = """[{ "year": 2024, "measure": "Grannsamverkan i villaområden", "value": 6 }, { "year": 2024, "measure": "k-02", "indicator": "skadade", "value": 55 }]""";

        var result = HistoryImporter.Parse(Second, Encoding.UTF8.GetBytes(json));

        Assert.Empty(result.Lines);
        var year = Assert.Single(result.Years);
        Assert.Equal(6m, year.IndicatorValues[CycleAggregate.IndicatorKey("m4", "omraden")]);
        Assert.Equal(55m, year.IndicatorValues[CycleAggregate.IndicatorKey("m2", "skadade")]);
    }

    [Fact]
    public void Every_bad_row_is_named_and_a_followed_up_year_is_never_replaced()
    {
        var csv = "År;Åtgärd;Indikator;Värde\n2024;K-99;X;1\n20x4;K-02;Personskador i trafiken;mycket\n2023;K-02;Personskador i trafiken;58\n";

        var result = HistoryImporter.Parse(Second, Encoding.UTF8.GetBytes(csv), new HashSet<int> { 2023 });

        Assert.Empty(result.Years);
        Assert.Contains("Rad 2: Åtgärd 'K-99' finns inte i överenskommelsen (ange kod, titel eller id)", result.Lines);
        Assert.Contains("Rad 3: År '20x4' är inget årtal", result.Lines);
        Assert.Contains("Rad 3: Värde 'mycket' är inget tal", result.Lines);
        Assert.Contains("Rad 4: 2023 är redan uppföljt i verktyget; dess siffror ersätts inte", result.Lines);
    }

    [Fact]
    public void First_report_with_imported_figures_has_indicator_trend_columns_but_no_invented_statuses()
    {
        using var report = ReportDocument.Generate(SecondAgreementReportData.Create());
        var headers = report.Main.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Table>()
            .Select(t => string.Join("|", t.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().First().Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText))).ToList();

        Assert.Contains("Status|2025", headers);
        Assert.Contains(headers, h => h.StartsWith("Indikator|Startvärde|2022|2023|2024|2025|Mål", StringComparison.Ordinal));
    }
}
