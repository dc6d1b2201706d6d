using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Trygghetsuppfoljning.Workflows.Citizens;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Tests.Citizens;

public sealed class CitizenSummaryTests
{
    static (CitizenSummary Summary, CitizenPageRenderer Pages) Publish()
    {
        var data = MarkedAgreement.ReportData();
        var summary = CitizenSummaryBuilder.Build(data, data.Effects, data.Decision!.DecidedOn);
        return (summary, new CitizenPageRenderer(MarkedAgreement.Renderer()));
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public void Published_page_docx_and_snapshot_hold_no_owner_name_email_or_internal_comment_but_do_hold_the_public_notes(string lang)
    {
        var (summary, pages) = Publish();
        var html = Encoding.UTF8.GetString(pages.Summary(summary, lang).Body);
        var docx = pages.Content(summary, lang) is var content ? CitizenDocxWriter.Write(content) : [];
        var docxText = AllText(docx);
        var snapshot = DomainJson.Serialize(summary);

        foreach (var secret in MarkedAgreement.Secrets())
        {
            Assert.DoesNotContain(secret, html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, docxText, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, snapshot, StringComparison.OrdinalIgnoreCase);
        }

        // The check can fail: the public notes, typed by the same owners into a separate field, do get through.
        foreach (var i in new[] { 1, 2, 3, 4 })
        {
            Assert.Contains(MarkedAgreement.PublicNote(i), html, StringComparison.Ordinal);
            Assert.Contains(MarkedAgreement.PublicNote(i), docxText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Summary_docx_validates_and_says_what_the_page_says()
    {
        var (summary, pages) = Publish();
        var content = pages.Content(summary, "sv");
        var bytes = CitizenDocxWriter.Write(content);
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(doc).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
        var text = AllText(bytes);
        Assert.Contains(content.Title, text, StringComparison.Ordinal);
        Assert.All(content.Promises, p => Assert.Contains(p.Text, text, StringComparison.Ordinal));
        Assert.Contains("Så gick det med våra löften 2025", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Promises_are_judged_from_their_measures_and_effect_figures_show_their_trend_against_the_baseline()
    {
        var (summary, _) = Publish();

        // "unga": m1 done, m2 on track → kept. "trafik": m3 delayed, m4 not started → not kept.
        Assert.Equal([PromiseVerdict.Kept, PromiseVerdict.NotKept], summary.Promises.Select(p => p.Verdict));
        var injuries = Assert.Single(summary.Effects, e => e.Name == "Skadade i trafiken");
        Assert.Equal(26, injuries.Now);
        Assert.Equal(30, injuries.Before);
        Assert.Null(injuries.BeforeYear);
        Assert.Equal(Trend.Better, injuries.Trend);
        Assert.Equal("Strada", injuries.Source);

        // Produktion figures are "what was done"; process and effect indicators are not listed there.
        Assert.Equal(["Kvällar med fältarbete"], summary.Figures.Select(f => f.Name));
    }

    [Fact]
    public void Promise_with_some_measures_on_plan_is_partly_kept_and_unanswered_measures_do_not_count_as_kept()
    {
        var promise = new CitizenPromiseItem("p", "Löfte", ["a", "b", "c"]);
        var partly = PromiseAssessment.For(promise, new Dictionary<string, MeasureStatus> { ["a"] = MeasureStatus.Completed, ["b"] = MeasureStatus.Delayed });
        Assert.Equal(PromiseVerdict.PartlyKept, partly.Verdict);
        Assert.Equal(1, partly.Unanswered);
        Assert.Equal(1, partly.Kept);

        var none = PromiseAssessment.For(promise, new Dictionary<string, MeasureStatus>());
        Assert.Equal(PromiseVerdict.NotKept, none.Verdict);
    }

    static string AllText(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var parts = new List<OpenXmlPart> { doc.MainDocumentPart! };
        parts.AddRange(doc.MainDocumentPart!.Parts.Select(p => p.OpenXmlPart));
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            using var reader = new StreamReader(part.GetStream());
            text.Append(reader.ReadToEnd());
        }

        text.Append(doc.PackageProperties.Title).Append(doc.PackageProperties.Creator).Append(doc.PackageProperties.Subject);
        return text.ToString();
    }
}
