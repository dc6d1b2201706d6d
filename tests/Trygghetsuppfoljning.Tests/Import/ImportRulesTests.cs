using System.Text;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Import;

namespace Trygghetsuppfoljning.Tests.Import;

/// <summary>The import catches what would make the report lie, in one pass, and reads the roster as CSV too.</summary>
public sealed class ImportRulesTests
{
    // The demo with one indicator per measure, as these rules' row numbers were written against (the demo later got
    // process indicators and a second traffic indicator, which would shift every row).
    static readonly string[] FirstIndicators = ["sspf-unga", "narkotika-unga", "vandringar", "kontroller", "trafikskadade", "moten", "foretagsklimat-trygghet", "trygga"];

    static Agreement Demo
    {
        get
        {
            var demo = DomainJson.Deserialize<Agreement>(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "templates", "demo", "hoganas.json")));
            return demo with { Measures = demo.Measures.Select(m => m with { Indicators = m.Indicators.Where(i => FirstIndicators.Contains(i.Id)).ToList() }).ToList() };
        }
    }

    // Column indexes of RosterWriter's rows (RosterColumns.All order).
    const int Email = 3, Organisation = 4, Unit = 6, Baseline = 7, Target = 8, Direction = 9, Code = 10;

    /// <summary>The row of the drug-cases indicator (baseline 42, target 30, lower is better); sheet row 4.</summary>
    const int DrugRow = 2;

    static ImportResult Xlsx(List<string[]> header, List<string[]> rows) => AgreementImporter.Parse(RosterWriter.Write(header, rows));

    [Fact]
    public void Csv_roster_with_bom_semicolons_and_decimal_commas_imports_like_the_excel_roster()
    {
        var (header, rows) = RosterWriter.From(Demo);
        var csv = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(RosterWriter.WriteCsv(header, rows))).ToArray();

        var fromCsv = AgreementImporter.Parse(csv);
        var fromXlsx = Xlsx(header, rows);

        Assert.True(fromCsv.IsValid, string.Join("\n", fromCsv.Lines));
        Assert.Equal(DomainJson.Serialize(fromXlsx.Agreement), DomainJson.Serialize(fromCsv.Agreement));
        Assert.Contains(fromCsv.Agreement!.Measures.SelectMany(m => m.Indicators), i => i.Baseline == 3.2m && i.Target == 3.8m);
        Assert.Equal(Demo.Measures.Select(m => m.Code), fromCsv.Agreement.Measures.Select(m => m.Code));
    }

    [Fact]
    public void Csv_roster_without_bom_imports_too_and_errors_name_the_file_line()
    {
        var (header, rows) = RosterWriter.From(Demo);
        rows[0][Organisation] = "Region";
        var text = RosterWriter.WriteCsv(header, rows);
        var line = text.Split("\r\n").ToList().FindIndex(l => l.Contains("Region", StringComparison.Ordinal)) + 1;

        var result = AgreementImporter.Parse(Encoding.UTF8.GetBytes(text));

        Assert.Equal($"Rad {line}: Organisation 'Region' ska vara Kommun eller Polis", Assert.Single(result.Lines));
    }

    [Theory]
    [InlineData("%PDF-1.7\n%âãÏÓ\n1 0 obj")]
    [InlineData("Hej! Här är vår överenskommelse.")]
    [InlineData("<html><body>roster</body></html>")]
    public void Any_other_file_gets_a_swedish_message_naming_the_accepted_formats(string content)
    {
        var result = AgreementImporter.Parse(Encoding.UTF8.GetBytes(content));

        var message = Assert.Single(result.Lines);
        Assert.Equal(ImportFormats.Unknown, message);
        Assert.Contains(".xlsx", message, StringComparison.Ordinal);
        Assert.Contains(".csv", message, StringComparison.Ordinal);
        Assert.Contains(".json", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_zip_or_old_excel_file_gets_a_swedish_message_not_the_parsers_text()
    {
        var brokenZip = AgreementImporter.Parse([(byte)'P', (byte)'K', 3, 4, 0, 0, 1, 2, 3]);
        var xls = AgreementImporter.Parse([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]);

        Assert.Equal(ImportFormats.NotReadableXlsx, Assert.Single(brokenZip.Lines));
        Assert.Equal(ImportFormats.OldExcel, Assert.Single(xls.Lines));
    }

    [Fact]
    public void Broken_json_is_explained_in_swedish_with_its_line()
    {
        var result = AgreementImporter.Parse(Encoding.UTF8.GetBytes("{\n  \"id\": \"x\",\n  \"title\": \n}"));

        var line = Assert.Single(result.Lines);
        Assert.StartsWith("Rad 4: Ogiltig JSON: kontrollera", line, StringComparison.Ordinal);
        Assert.DoesNotContain("invalid", line, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Header_and_row_errors_come_together_in_one_pass_without_errors_caused_by_another()
    {
        var (header, rows) = RosterWriter.From(Demo);
        header.Add([RosterColumns.KeySteeringGroup, "Mats"]);
        var withoutEmail = rows.Select(r => r.Where((_, i) => i != Email).ToArray()).ToList();
        var headings = RosterColumns.All.Where(c => c != RosterColumns.Email).ToArray();
        withoutEmail[1][Organisation - 1] = "Region";

        var result = AgreementImporter.Parse(RosterWriter.Write(header, withoutEmail, headings));

        Assert.Null(result.Agreement);
        Assert.Contains("Rad 1: Kolumnen 'E-post' saknas", result.Lines);
        Assert.Contains("Rad 3: Organisation 'Region' ska vara Kommun eller Polis", result.Lines);
        Assert.Contains(result.Lines, l => l.StartsWith("Överenskommelse rad", StringComparison.Ordinal) && l.Contains("'Mats' ska skrivas som Namn <e-post>", StringComparison.Ordinal));

        // The missing column is one error, not one per row; and the rows that could not be built do not make
        // "no measures" or "no focus areas" errors of their own.
        Assert.Equal(3, result.Errors.Count);
    }

    [Fact]
    public void Every_error_of_a_row_is_listed()
    {
        var (header, rows) = RosterWriter.From(Demo);
        rows[DrugRow][Organisation] = "Region";
        rows[DrugRow][Unit] = string.Empty;
        rows[DrugRow][Baseline] = "många";
        rows[DrugRow][Direction] = "uppåt";

        var result = Xlsx(header, rows);

        var rowErrors = result.Lines.Where(l => l.StartsWith("Rad 4:", StringComparison.Ordinal)).ToList();
        Assert.Contains("Rad 4: Organisation 'Region' ska vara Kommun eller Polis", rowErrors);
        Assert.Contains(rowErrors, l => l.StartsWith("Rad 4: Enhet saknas", StringComparison.Ordinal));
        Assert.Contains("Rad 4: Utgångsvärde 'många' är inget tal", rowErrors);
        Assert.Contains(rowErrors, l => l.StartsWith("Rad 4: Riktning 'uppåt'", StringComparison.Ordinal));
        Assert.Equal(4, rowErrors.Count);
    }

    [Fact]
    public void Target_on_the_worse_side_of_the_baseline_is_an_error_that_says_what_to_fix()
    {
        var (header, rows) = RosterWriter.From(Demo);
        rows[DrugRow][Direction] = "Högre är bättre"; // 42 → 30 can only be an improvement if lower is better

        var result = Xlsx(header, rows);

        Assert.Null(result.Agreement);
        var error = Assert.Single(result.Lines);
        Assert.StartsWith("Rad 4: ", error, StringComparison.Ordinal);
        Assert.Contains("målet 30 är lägre än utgångsvärdet 42", error, StringComparison.Ordinal);
        Assert.Contains("Ändra Riktning till 'Lägre är bättre' eller rätta Mål eller Utgångsvärde", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_value_is_one_error_not_also_a_direction_error()
    {
        var (header, rows) = RosterWriter.From(Demo);
        rows[DrugRow][Direction] = "Högre är bättre";
        rows[DrugRow][Target] = "trettio";

        var result = Xlsx(header, rows);

        Assert.Equal("Rad 4: Mål 'trettio' är inget tal", Assert.Single(result.Lines));
    }

    [Fact]
    public void Blank_direction_is_inferred_from_baseline_and_target_and_the_import_says_so()
    {
        var (header, rows) = RosterWriter.From(Demo);
        rows[DrugRow][Direction] = string.Empty;

        var result = Xlsx(header, rows);

        Assert.True(result.IsValid, string.Join("\n", result.Lines));
        var drugs = result.Agreement!.Measures.SelectMany(m => m.Indicators).Single(i => i.Baseline == 42m);
        Assert.Equal(IndicatorDirection.LowerIsBetter, drugs.Direction);
        var notice = Assert.Single(result.NoticeLines);
        Assert.StartsWith("Rad 4: Riktning saknas", notice, StringComparison.Ordinal);
        Assert.Contains("'Lägre är bättre' antas eftersom målet 30 är lägre än utgångsvärdet 42", notice, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_target_on_the_worse_side_is_an_error_on_its_line()
    {
        var json = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "templates", "demo", "hoganas.json"))
            .Replace("\"baseline\": 42, \"target\": 30, \"direction\": \"LowerIsBetter\"", "\"baseline\": 42, \"target\": 30, \"direction\": \"HigherIsBetter\"", StringComparison.Ordinal);
        var line = json.Split('\n').ToList().FindIndex(l => l.Contains("\"baseline\": 42", StringComparison.Ordinal)) + 1;

        var result = JsonAgreementReader.Read(json);

        var error = Assert.Single(result.Lines);
        Assert.StartsWith($"Rad {line}: Indikatorn 'Narkotikaärenden", error, StringComparison.Ordinal);
        Assert.Contains("Ändra Riktning till 'Lägre är bättre'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Measure_codes_are_read_from_the_roster_and_must_be_unique()
    {
        var (header, rows) = RosterWriter.From(Demo);
        var ok = Xlsx(header, rows);
        rows[DrugRow][Code] = rows[0][Code];

        var duplicate = Xlsx(header, rows);

        Assert.Equal(Demo.Measures.Select(m => m.Code), ok.Agreement!.Measures.Select(m => m.Code));
        Assert.Contains($"Rad 4: Koden '{rows[0][Code]}' används redan av en annan åtgärd", duplicate.Lines);
    }
}
