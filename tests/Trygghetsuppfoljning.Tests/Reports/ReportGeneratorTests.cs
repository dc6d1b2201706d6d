using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Reports;
using Trygghetsuppfoljning.Workflows.Templates;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Trygghetsuppfoljning.Tests.Reports;

public sealed class ReportGeneratorTests
{
    static readonly TextCatalog Texts = new(SampleReportData.Templates());

    [Fact]
    public void Demo_report_validates_without_errors()
    {
        using var report = ReportDocument.Generate(SampleReportData.Create());
        var errors = report.ValidationErrors();
        Assert.True(errors.Count == 0, ReportDocument.Describe(errors));
    }

    [Fact]
    public void Demo_report_has_a_heading_for_every_focus_area()
    {
        var data = SampleReportData.Create();
        using var report = ReportDocument.Generate(data);
        var headings = report.ParagraphsWithStyle("Heading1").ToList();
        foreach (var area in data.Agreement.FocusAreas)
        {
            Assert.Contains(area.Title, headings);
        }
    }

    [Fact]
    public void Demo_report_lists_every_measure_with_owner_and_status()
    {
        var data = SampleReportData.Create();
        using var report = ReportDocument.Generate(data);
        var tableText = string.Join("\n", report.Main.Document.Body!.Descendants<TableRow>().Select(r => string.Join("|", r.Elements<TableCell>().Select(c => c.InnerText))));
        foreach (var measure in data.Agreement.Measures)
        {
            var owner = data.Agreement.OwnerOf(measure);
            Assert.Contains($"{measure.Title}|{owner.Name}|", tableText);
        }

        Assert.Contains($"|{Texts.Status("sv", MeasureStatus.Delayed)}|", tableText);
    }

    [Fact]
    public void Red_light_is_shown_as_a_red_shaded_cell()
    {
        using var report = ReportDocument.Generate(SampleReportData.Create());
        var red = Texts.Light("sv", TrafficLight.Red);
        var cell = report.Main.Document.Body!.Descendants<TableCell>().First(c => c.InnerText == red);
        Assert.Equal("FFC7CE", cell.TableCellProperties?.Shading?.Fill?.Value);
    }

    [Fact]
    public void Owner_who_never_answered_is_listed_with_reminders()
    {
        var data = SampleReportData.Create();
        using var report = ReportDocument.Generate(data);
        var text = report.Text;
        Assert.Contains(Texts.Get("sv", "report.missing.heading"), report.ParagraphsWithStyle("Heading1"));
        var row = report.Main.Document.Body!.Descendants<TableRow>().Single(r => r.InnerText.StartsWith("Erik Dahl", StringComparison.Ordinal));
        Assert.Contains("Trygghetsvandringar i centrum tillsammans med handlare", row.InnerText);
        Assert.Equal("2", row.Elements<TableCell>().ElementAt(3).InnerText);
        Assert.Contains("1 av 6 ansvariga", text);
        Assert.Contains("Svarade efter påminnelse: Maria Nilsson (1 påminnelse).", text);
    }

    [Fact]
    public void Revision_assessment_says_not_due_within_the_mandate_period_of_signing()
    {
        using var report = ReportDocument.Generate(SampleReportData.Create());
        Assert.Contains("Överenskommelsen behöver inte revideras i år", report.Text);
        Assert.Contains("15 oktober 2022 – 14 oktober 2026", report.Text);
    }

    [Fact]
    public void Revision_requested_by_a_party_is_reported_as_due_with_the_request()
    {
        var agreement = SampleReportData.Agreement() with
        {
            RevisionRequests = [new RevisionRequest(Organisation.Polis, new DateOnly(2025, 11, 3), "Ny lokal lägesbild")],
        };
        using var report = ReportDocument.Generate(SampleReportData.Create(agreement: agreement));
        Assert.Contains("Överenskommelsen bör revideras eftersom en part har begärt det", report.Text);
        Assert.Contains("Polisen begärde revidering 3 november 2025: Ny lokal lägesbild", report.Text);
    }

    [Fact]
    public void Demo_report_has_a_native_chart_with_a_series_per_status_and_a_bar_per_focus_area()
    {
        var data = SampleReportData.Create();
        using var report = ReportDocument.Generate(data);
        var chartPart = Assert.Single(report.Main.ChartParts);
        Assert.Single(chartPart.EmbeddedPackagePart is null ? [] : new[] { chartPart.EmbeddedPackagePart });
        var series = chartPart.ChartSpace.Descendants<C.BarChartSeries>().ToList();
        var names = series.Select(s => s.SeriesText!.Descendants<C.NumericValue>().Single().Text).ToList();
        foreach (var status in Enum.GetValues<MeasureStatus>())
        {
            Assert.Contains(Texts.Status("sv", status), names);
        }

        var categories = series[0].Descendants<C.CategoryAxisData>().Single().Descendants<C.StringPoint>().Select(p => p.InnerText).ToList();
        Assert.Equal(data.Agreement.FocusAreas.Select(a => a.Title), categories);
        var completed = series[names.IndexOf(Texts.Status("sv", MeasureStatus.Completed))];
        var values = completed.Descendants<C.Values>().Single().Descendants<C.NumericPoint>().Select(p => int.Parse(p.InnerText, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(data.Agreement.FocusAreas.Select(a => data.Current.StatusCountsByFocusArea[a.Id][MeasureStatus.Completed]), values);
        Assert.Single(report.Main.Document.Body!.Descendants<C.ChartReference>());
    }

    [Fact]
    public void Demo_report_has_a_table_of_contents_field_that_updates_on_open()
    {
        using var report = ReportDocument.Generate(SampleReportData.Create());
        Assert.Contains(report.Main.Document.Body!.Descendants<FieldCode>(), f => f.Text.TrimStart().StartsWith("TOC ", StringComparison.Ordinal));
        Assert.True(report.Main.DocumentSettingsPart!.Settings.GetFirstChild<UpdateFieldsOnOpen>()?.Val?.Value);
    }

    [Fact]
    public void Cover_and_header_are_filled_from_the_agreement()
    {
        var data = SampleReportData.Create();
        using var report = ReportDocument.Generate(data);
        Assert.Equal("Årlig uppföljning 2025", report.ParagraphsWithStyle("Title").Single());
        Assert.Contains("Rapportdatum: 20 februari 2026", report.Text);
        Assert.Contains(report.Main.HeaderParts, h => h.Header.InnerText.Contains(data.Agreement.Municipality, StringComparison.Ordinal));
        Assert.DoesNotContain(report.Main.Document.Body!.Descendants<SdtBlock>(), s => s.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value is { } tag && ReportTags.Sections.Contains(tag));
    }

    [Fact]
    public void Earlier_years_appear_as_trend_columns()
    {
        using var report = ReportDocument.Generate(SampleReportData.Create());
        var headers = report.Main.Document.Body!.Descendants<Table>()
            .Select(t => string.Join("|", t.Elements<TableRow>().First().Elements<TableCell>().Select(c => c.InnerText))).ToList();
        Assert.Contains("Status|2023|2024|2025", headers);
        Assert.Contains(headers, h => h.Contains("Startvärde|2023|2024|2025|Mål|Trend|Mot målet", StringComparison.Ordinal));
        // Drug cases among the young went from 37 to 38 while lower is better: a rise, and bad news.
        var row = report.Main.Document.Body!.Descendants<TableRow>().First(r => r.InnerText.StartsWith("Narkotikaärenden", StringComparison.Ordinal));
        Assert.Equal("▲ " + Texts.Get("sv", "report.change.worse"), row.Elements<TableCell>().ElementAt(6).InnerText);
    }

    [Fact]
    public void English_report_uses_english_texts()
    {
        using var report = ReportDocument.Generate(SampleReportData.Create("en"));
        var headings = report.ParagraphsWithStyle("Heading1").ToList();
        Assert.Contains("Summary", headings);
        Assert.Contains("Missing answers", headings);
        Assert.Contains("Revision assessment", headings);
        Assert.Contains("Annual follow-up 2025", report.ParagraphsWithStyle("Title"));
        Assert.Contains("Delayed", report.Text);
        Assert.DoesNotContain("Sammanfattning", report.Text);
        Assert.True(report.ValidationErrors().Count == 0);
    }

    [Fact]
    public void Report_with_hostile_comments_validates_and_keeps_the_text()
    {
        var big = string.Concat(Enumerable.Repeat("Lång kommentar 0123456789 ", 2700)); // about 70 KB
        var hostile = new Dictionary<string, string>
        {
            ["m01"] = "före\u0001\u0008\u001Fefter",
            ["m02"] = "trasig\uD800surrogat\uDC00här",
            ["m03"] = "<script>alert('x')</script> & </w:t><w:t>",
            ["m04"] = big,
            ["m05"] = "Bra jobbat 👍🏽 🚓 och 🎉",
            ["m06"] = "مرحبا بالعالم — שלום עולם",
            ["m07"] = "rad ett\nrad två\r\nrad tre\tflik\uFFFE\uFFFF",
        };
        using var report = ReportDocument.Generate(SampleReportData.Create(comments: hostile));
        var errors = report.ValidationErrors();
        Assert.True(errors.Count == 0, ReportDocument.Describe(errors));
        var text = report.Text;
        Assert.Contains("föreefter", text);
        Assert.Contains("trasigsurrogathär", text);
        Assert.Contains("<script>alert('x')</script> & </w:t><w:t>", text);
        Assert.Contains(big.Trim(), text);
        Assert.Contains("Bra jobbat 👍🏽 🚓 och 🎉", text);
        Assert.Contains("مرحبا بالعالم — שלום עולם", text);
        Assert.Contains("rad ett\nrad två\nrad tre\tflik", text);
    }

    [Fact]
    public void Regenerating_a_closed_cycle_gives_the_same_document()
    {
        var first = ReportDocument.GenerateBytes(SampleReportData.Create());
        var second = ReportDocument.GenerateBytes(SampleReportData.Create());
        Assert.Equal(DocumentXml(first), DocumentXml(second));
        Assert.Empty(Entries(first).Except(Entries(second)));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Template_without_a_section_tag_is_rejected_naming_the_tag()
    {
        var folder = Directory.CreateTempSubdirectory("report-template-");
        try
        {
            Directory.CreateDirectory(Path.Combine(folder.FullName, "report"));
            Directory.CreateDirectory(Path.Combine(folder.FullName, "texts"));
            foreach (var file in Directory.GetFiles(Path.Combine(SampleReportData.Templates().Root, "texts")))
            {
                File.Copy(file, Path.Combine(folder.FullName, "texts", Path.GetFileName(file)));
            }

            var path = Path.Combine(folder.FullName, "report", "rapport.docx");
            File.Copy(SampleReportData.Templates().PathOf(ReportGenerator.TemplateName), path);
            using (var doc = WordprocessingDocument.Open(path, true))
            {
                doc.MainDocumentPart!.Document.Body!.Elements<SdtBlock>()
                    .Single(s => s.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value == ReportTags.Appendix).Remove();
            }

            var error = Assert.Throws<InvalidDataException>(() => ReportDocument.GenerateBytes(SampleReportData.Create(), new TemplateLoader(folder.FullName)));
            Assert.Contains(ReportTags.Appendix, error.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Each zip entry as "name sha256", so a failure names the part that differs.</summary>
    static List<string> Entries(byte[] docx)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(docx));
        return zip.Entries.Select(e =>
        {
            using var s = e.Open();
            return $"{e.FullName} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(s))}";
        }).ToList();
    }

    static string DocumentXml(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        using var reader = new StreamReader(doc.MainDocumentPart!.GetStream());
        return reader.ReadToEnd();
    }
}
