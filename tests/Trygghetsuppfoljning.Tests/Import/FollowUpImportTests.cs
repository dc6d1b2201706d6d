using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Import;

namespace Trygghetsuppfoljning.Tests.Import;

/// <summary>Issue 13's parts of an agreement file: kinds, medborgarlöften and the Lag (2023:196) references.</summary>
public sealed class FollowUpImportTests
{
    static string DemoJson => File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "templates", "demo", "hoganas.json"));

    [Fact]
    public void Demo_json_carries_indicator_kinds_promises_and_the_lägesbild_and_åtgärdsplan()
    {
        var result = JsonAgreementReader.Read(DemoJson);

        Assert.True(result.IsValid, string.Join("\n", result.Lines));
        var a = result.Agreement!;
        Assert.Equal(IndicatorKind.Effekt, a.Measures.Single(m => m.Id == "m07").Indicators.Single(i => i.Id == "trafikskadade").Kind);
        Assert.Equal(IndicatorKind.Process, a.Measures.Single(m => m.Id == "m02").Indicators.Single(i => i.Id == "sspf-timmar").Kind);
        Assert.Equal(["unga", "trafik", "naringsliv"], a.PromiseList.Select(p => p.Id));
        Assert.Equal(["m06", "m07", "m08"], a.PromiseList[1].MeasureIds);
        Assert.Equal(new DateOnly(2024, 11, 20), a.SituationPicture!.Date);
        Assert.StartsWith("https://", a.ActionPlan!.Link, StringComparison.Ordinal);
    }

    [Fact]
    public void Indicator_without_a_kind_is_produktion_and_an_agreement_without_promises_has_none()
    {
        var json = DemoJson.Replace(", \"kind\": \"Effekt\"", string.Empty, StringComparison.Ordinal);
        var start = json.IndexOf("  \"promises\"", StringComparison.Ordinal);
        json = json.Remove(start, json.IndexOf("  \"situationPicture\"", StringComparison.Ordinal) - start);

        var a = JsonAgreementReader.Read(json).Agreement!;

        Assert.Equal(IndicatorKind.Produktion, a.Measures.Single(m => m.Id == "m07").Indicators.Single(i => i.Id == "trafikskadade").Kind);
        Assert.Empty(a.PromiseList);
    }

    [Fact]
    public void Promise_naming_a_measure_that_does_not_exist_is_an_error_on_its_line()
    {
        var json = DemoJson.Replace("\"measureIds\": [\"m09\", \"m10\"]", "\"measureIds\": [\"m09\", \"m99\"]", StringComparison.Ordinal);
        var line = json.Split('\n').ToList().FindIndex(l => l.Contains("m99", StringComparison.Ordinal)) + 1;

        var result = JsonAgreementReader.Read(json);

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal(line, error.Line);
        Assert.Contains("Åtgärden 'm99' finns inte", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_kind_in_the_roster_is_a_row_error()
    {
        var errors = new List<string>();
        Assert.Equal(IndicatorKind.Effekt, RosterKind.Parse("effekt", errors.Add));
        Assert.Equal(IndicatorKind.Produktion, RosterKind.Parse("", errors.Add));
        Assert.Empty(errors);
        RosterKind.Parse("Resultat", errors.Add);
        Assert.Equal(["Typ 'Resultat' ska vara Produktion, Process eller Effekt"], errors);
    }
}
