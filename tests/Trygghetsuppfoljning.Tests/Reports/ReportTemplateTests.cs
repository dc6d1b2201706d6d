using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Trygghetsuppfoljning.Workflows.Reports;

namespace Trygghetsuppfoljning.Tests.Reports;

public sealed class ReportTemplateTests
{
    [Fact]
    public void Template_builder_output_validates_and_carries_every_tag()
    {
        using var built = new MemoryStream();
        ReportTemplateBuilder.Build(built, ReportTemplateBuilder.Logo());
        if (Environment.GetEnvironmentVariable("WRITE_REPORT_TEMPLATE") == "1")
        {
            // Regenerates the committed default template: WRITE_REPORT_TEMPLATE=1 dotnet test --filter ReportTemplateTests
            var folder = Path.Combine(SampleReportData.Templates().Root, "report");
            File.WriteAllBytes(Path.Combine(folder, "rapport.docx"), built.ToArray());
            File.WriteAllBytes(Path.Combine(folder, "logo.png"), ReportTemplateBuilder.Logo());
        }

        built.Position = 0;
        using var doc = WordprocessingDocument.Open(built, false);
        var errors = new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(doc).ToList();
        Assert.True(errors.Count == 0, ReportDocument.Describe(errors));
        AssertHasEveryTag(doc);
    }

    [Fact]
    public void Committed_template_carries_every_tag_and_a_logo_in_the_header()
    {
        using var doc = WordprocessingDocument.Open(SampleReportData.Templates().PathOf(ReportGenerator.TemplateName), false);
        AssertHasEveryTag(doc);
        Assert.Contains(doc.MainDocumentPart!.HeaderParts, h => h.ImageParts.Any());
    }

    static void AssertHasEveryTag(WordprocessingDocument doc)
    {
        var main = doc.MainDocumentPart!;
        var bodyTags = main.Document.Body!.Elements<SdtBlock>().Select(s => s.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value).ToList();
        foreach (var section in ReportTags.Sections)
        {
            Assert.Contains(section, bodyTags);
        }

        var headerTags = main.HeaderParts.SelectMany(h => h.Header.Descendants<Tag>()).Select(t => t.Val?.Value);
        Assert.Contains(ReportTags.Municipality, headerTags);
    }
}
