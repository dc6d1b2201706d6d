using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Import;

namespace Trygghetsuppfoljning.Tests.Import;

public sealed class AgreementImportTests
{
    static readonly string Templates = FindTemplates();

    static string DemoJson => File.ReadAllText(Path.Combine(Templates, "demo", "hoganas.json"));

    static Agreement Demo => DomainJson.Deserialize<Agreement>(DemoJson);

    [Fact]
    public void Demo_agreement_json_imports_unchanged()
    {
        var result = JsonAgreementReader.Read(DemoJson);

        Assert.True(result.IsValid, string.Join("\n", result.Lines));
        Assert.Equal(Demo.Measures.Count, result.Agreement!.Measures.Count);
    }

    [Fact]
    public void Json_errors_are_reported_with_their_line_and_nothing_is_returned()
    {
        var lines = DemoJson.Split('\n').ToList();
        var annaLine = lines.FindIndex(l => l.Contains("anna.berg@hoganas.example", StringComparison.Ordinal));
        var json = DemoJson.Replace("anna.berg@hoganas.example", "anna.berg", StringComparison.Ordinal).Replace("\"focusAreaId\": \"trafik\"", "\"focusAreaId\": \"okand\"", StringComparison.Ordinal);

        var result = JsonAgreementReader.Read(json);

        Assert.Null(result.Agreement);
        Assert.Contains($"Rad {annaLine + 1}: E-post 'anna.berg' är inte en giltig adress", result.Lines);
        Assert.Contains(result.Lines, l => l.EndsWith("Fokusområdet 'okand' finns inte", StringComparison.Ordinal) && l.StartsWith("Rad ", StringComparison.Ordinal));
    }

    [Fact]
    public void Broken_json_syntax_names_its_line()
    {
        var result = JsonAgreementReader.Read("{\n  \"id\": \"x\",\n  \"title\": \n}");

        Assert.Null(result.Agreement);
        Assert.StartsWith("Rad 4: Ogiltig JSON", Assert.Single(result.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public void Roster_of_the_demo_agreement_imports_with_the_same_areas_measures_owners_and_indicators()
    {
        var (header, rows) = RosterWriter.From(Demo);

        var result = RosterReader.Read(new MemoryStream(RosterWriter.Write(header, rows)));

        Assert.True(result.IsValid, string.Join("\n", result.Lines));
        var a = result.Agreement!;
        Assert.Equal(Demo.FocusAreas.Select(f => f.Title), a.FocusAreas.Select(f => f.Title));
        Assert.Equal(Demo.Measures.Select(m => m.Title), a.Measures.Select(m => m.Title));
        Assert.Equal(Demo.AnsweringOwners().Select(o => o.Email).Order(), a.AnsweringOwners().Select(o => o.Email).Order());
        Assert.Equal(Demo.Measures.SelectMany(m => m.Indicators).Select(i => (i.Name, i.Baseline, i.Target, i.Direction, i.Kind)), a.Measures.SelectMany(m => m.Indicators).Select(i => (i.Name, i.Baseline, i.Target, i.Direction, i.Kind)));
        Assert.Equal(Demo.SteeringGroup.Select(r => r.Email), a.SteeringGroup.Select(r => r.Email));
        Assert.Equal(Demo.SignedOn, a.SignedOn);
    }

    [Fact]
    public void Roster_errors_are_listed_row_by_row_and_nothing_is_imported()
    {
        var (header, rows) = RosterWriter.From(Demo);
        rows[5][3] = string.Empty;                  // row 7: no e-mail
        rows[1][4] = "Region";                      // row 3: unknown organisation
        rows[2][7] = "många";                       // row 4: baseline not a number
        rows[3][2] = "Någon Annan";                 // row 5: same e-mail as another name? only if the e-mail repeats
        rows[3][3] = rows[0][3];

        var result = RosterReader.Read(new MemoryStream(RosterWriter.Write(header, rows)));

        Assert.Null(result.Agreement);
        Assert.Contains("Rad 7: E-post saknas", result.Lines);
        Assert.Contains("Rad 3: Organisation 'Region' ska vara Kommun eller Polis", result.Lines);
        Assert.Contains(result.Lines, l => l.StartsWith("Rad 4: Utgångsvärde 'många'", StringComparison.Ordinal) || l.StartsWith("Rad 4: Indikator saknas", StringComparison.Ordinal));
        Assert.Contains(result.Lines, l => l.StartsWith($"Rad 5: E-post {rows[0][3]} står för", StringComparison.Ordinal));
    }

    [Fact]
    public void Roster_without_its_agreement_sheet_is_refused()
    {
        var (_, rows) = RosterWriter.From(Demo);

        var result = RosterReader.Read(new MemoryStream(RosterWriter.Write([], rows)));

        Assert.Null(result.Agreement);
        Assert.NotEmpty(result.Lines);
    }

    [Fact]
    public void Example_roster_in_templates_imports_cleanly()
    {
        var path = Path.Combine(Templates, "import", "exempel-roster.xlsx");
        if (Environment.GetEnvironmentVariable("TRYGGHET_WRITE_EXAMPLES") == "1")
        {
            var (header, rows) = RosterWriter.From(Demo);
            File.WriteAllBytes(path, RosterWriter.Write(header, rows));
        }

        var result = AgreementImporter.Parse(File.ReadAllBytes(path));

        Assert.True(result.IsValid, string.Join("\n", result.Lines));
        Assert.Equal(Demo.Measures.Count, result.Agreement!.Measures.Count);
    }

    [Fact]
    public void Example_csv_roster_in_templates_imports_cleanly()
    {
        var path = Path.Combine(Templates, "import", "exempel-roster.csv");
        if (Environment.GetEnvironmentVariable("TRYGGHET_WRITE_EXAMPLES") == "1")
        {
            var (header, rows) = RosterWriter.From(Demo);
            File.WriteAllBytes(path, [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(RosterWriter.WriteCsv(header, rows))]);
        }

        var result = AgreementImporter.Parse(File.ReadAllBytes(path));

        Assert.True(result.IsValid, string.Join("\n", result.Lines));
        Assert.Equal(Demo.Measures.Select(m => m.Code), result.Agreement!.Measures.Select(m => m.Code));
    }

    static string FindTemplates()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "templates", "demo")))
            {
                return Path.Combine(dir.FullName, "templates");
            }
        }

        throw new DirectoryNotFoundException("templates/");
    }
}
