using DocumentFormat.OpenXml.Wordprocessing;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Tests.Reports;

/// <summary>The report's follow-up chapters for the demo agreement: promises with verdicts, the three kinds, the decision.</summary>
public sealed class ReportFollowUpTests
{
    static readonly DateOnly ApprovedOn = new(2026, 3, 3);

    static Workflows.Reports.ReportData Demo(SteeringDecision? decision = null)
    {
        var data = SampleReportData.Create();
        var effects = new List<EffectFigure>
        {
            new(data.Cycle.Id, "m07", "trafikskadade", 29, "Strada, Transportstyrelsen", new DateOnly(2026, 1, 20), "Sofia Åkesson", DateTimeOffset.UnixEpoch),
        };
        return data with { EffectFigures = effects, Decision = decision };
    }

    [Fact]
    public void Demo_report_shows_each_promise_with_its_verdict_and_reasoning()
    {
        var data = Demo();
        using var report = ReportDocument.Generate(data);
        Assert.Contains("Medborgarlöften", report.ParagraphsWithStyle("Heading1"));
        var rows = report.Main.Document.Body!.Descendants<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        foreach (var promise in data.Agreement.PromiseList)
        {
            var row = Assert.Single(rows, r => r[0] == promise.Text);
            var assessment = PromiseAssessment.For(promise, data.Current.StatusByMeasure);
            Assert.Equal(assessment.Verdict switch { PromiseVerdict.Kept => "Hållet", PromiseVerdict.PartlyKept => "Delvis hållet", _ => "Inte hållet" }, row[1]);
            Assert.StartsWith($"{assessment.Kept} av {assessment.Measures} åtgärder genomförda eller enligt plan", row[2], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Demo_report_has_a_section_per_kind_with_the_effect_figures_source_and_the_law_references()
    {
        using var report = ReportDocument.Generate(Demo());
        var subheadings = report.ParagraphsWithStyle("Heading2").ToList();
        Assert.Contains("Produktion", subheadings);
        Assert.Contains("Process", subheadings);
        Assert.Contains("Effekt", subheadings);
        var text = report.Text + string.Join("\n", report.Main.Document.Body!.Descendants<TableCell>().Select(c => c.InnerText));
        Assert.Contains("Strada, Transportstyrelsen, 20 januari 2026", text, StringComparison.Ordinal);
        Assert.Contains("Timmar som lagts på SSPF-möten och uppföljning", text, StringComparison.Ordinal);
        Assert.Contains("Lägesbild: Lägesbild brottslighet och trygghet i Höganäs kommun 2024", text, StringComparison.Ordinal);
        Assert.Contains("Åtgärdsplanens åtgärder följdes upp", text, StringComparison.Ordinal);
        Assert.Contains("Förändring mot lägesbilden: Trafikskadade i kommunen 31 → 29", text, StringComparison.Ordinal);
        Assert.Empty(report.ValidationErrors());
    }

    [Fact]
    public void Report_says_fastställd_av_styrgruppen_with_the_date_once_approved()
    {
        using (var pending = ReportDocument.Generate(Demo()))
        {
            Assert.Contains("Styrgruppens beslut är inte registrerat ännu.", pending.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Fastställd av styrgruppen", pending.Text, StringComparison.Ordinal);
        }

        using var approved = ReportDocument.Generate(Demo(new SteeringDecision("hoganas", SampleReportData.Year, true, ApprovedOn, null, "Sofia Åkesson", DateTimeOffset.UnixEpoch)));
        Assert.Contains("Fastställd av styrgruppen 3 mars 2026", approved.Text, StringComparison.Ordinal);
    }
}
