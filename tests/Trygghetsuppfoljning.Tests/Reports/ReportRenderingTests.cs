using System.Diagnostics;
using System.Text.RegularExpressions;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Templates;

namespace Trygghetsuppfoljning.Tests.Reports;

/// <summary>
/// Looks at the demo report as a reader would: LibreOffice renders it to PDF, poppler turns that into text and
/// PNG pages. The pages land in out/report-pages/ at the repository root for a person to look at.
/// Needs LibreOffice and poppler (installed by .ci/run); tagged Integration so a quick local run can filter it out.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class ReportRenderingTests
{
    static readonly TimeSpan ConversionTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public void Demo_report_renders_in_LibreOffice_with_every_heading_measure_and_the_chart()
    {
        var data = SampleReportData.Create();
        var pages = Path.Combine(TestPaths.RepositoryRoot, "out", "report-pages");
        Directory.CreateDirectory(pages);
        foreach (var old in Directory.GetFiles(pages))
        {
            File.Delete(old);
        }

        var docx = Path.Combine(pages, "demo-report.docx");
        File.WriteAllBytes(docx, ReportDocument.GenerateBytes(data));
        var pdf = ConvertToPdf(docx, pages);
        var text = Collapse(Run(Tool("pdftotext", "poppler-utils (pdftotext) is required."), $"-enc UTF-8 \"{pdf}\" -"));
        Run(Tool("pdftoppm", "poppler-utils (pdftoppm) is required."), $"-png -r 70 \"{pdf}\" \"{Path.Combine(pages, "page")}\"");

        foreach (var area in data.Agreement.FocusAreas)
        {
            Assert.Contains(Collapse(area.Title), text);
        }

        foreach (var measure in data.Agreement.Measures)
        {
            Assert.Contains(Collapse(measure.Title), text);
        }

        Assert.Contains("Erik Dahl", text);
        // A drawn chart leaves its value axis, one label per focus area and its legend between heading and caption.
        var texts = new TextCatalog(SampleReportData.Templates());
        var chart = Regex.Match(text,
            Regex.Escape(texts.Get("sv", "report.chart.heading")) + @" (\d+ )+"
            + string.Join(" ", data.Agreement.FocusAreas.Select(a => Regex.Escape(Collapse(a.Title))))
            + " (?<legend>.*?) " + Regex.Escape(Collapse(texts.Get("sv", "report.chart.caption"))));
        Assert.True(chart.Success, "The chart's axis and category labels were not found in the PDF text.");
        foreach (var status in Enum.GetValues<MeasureStatus>())
        {
            Assert.Contains(texts.Status("sv", status), chart.Groups["legend"].Value);
        }

        Assert.NotEmpty(Directory.GetFiles(pages, "page-*.png"));
    }

    [Fact]
    public void English_report_renders_in_LibreOffice_with_english_headings()
    {
        var data = SampleReportData.Create("en");
        var pages = Path.Combine(TestPaths.RepositoryRoot, "out", "report-pages", "en");
        Directory.CreateDirectory(pages);
        foreach (var old in Directory.GetFiles(pages))
        {
            File.Delete(old);
        }

        var docx = Path.Combine(pages, "demo-report-en.docx");
        File.WriteAllBytes(docx, ReportDocument.GenerateBytes(data));
        var pdf = ConvertToPdf(docx, pages);
        var text = Collapse(Run(Tool("pdftotext", "poppler-utils (pdftotext) is required."), $"-enc UTF-8 \"{pdf}\" -"));
        Run(Tool("pdftoppm", "poppler-utils (pdftoppm) is required."), $"-png -r 70 \"{pdf}\" \"{Path.Combine(pages, "page")}\"");
        foreach (var heading in new[] { "Annual follow-up 2025", "Contents", "Summary", "Status per focus area", "Missing answers", "Revision assessment", "Appendix: all answers" })
        {
            Assert.Contains(heading, text);
        }
    }

    [Fact]
    public void Second_agreements_first_report_renders_with_decisions_parties_imported_trends_and_late_answers()
    {
        var data = SecondAgreementReportData.Create();
        var pages = Path.Combine(TestPaths.RepositoryRoot, "out", "report-pages", "second");
        Directory.CreateDirectory(pages);
        foreach (var old in Directory.GetFiles(pages))
        {
            File.Delete(old);
        }

        var docx = Path.Combine(pages, "second-report.docx");
        File.WriteAllBytes(docx, ReportDocument.GenerateBytes(data));
        var pdf = ConvertToPdf(docx, pages);
        var text = Collapse(Run(Tool("pdftotext", "poppler-utils (pdftotext) is required."), $"-enc UTF-8 \"{pdf}\" -"));
        Run(Tool("pdftoppm", "poppler-utils (pdftoppm) is required."), $"-png -r 70 \"{pdf}\" \"{Path.Combine(pages, "page")}\"");

        var texts = new TextCatalog(SampleReportData.Templates());
        foreach (var key in new[] { "report.decide.heading", "report.parties.heading", "report.late.heading" })
        {
            Assert.Contains(texts.Get("sv", key), text);
        }

        Assert.Contains("Sara Holmberg", text);
        Assert.Contains("efter den förlängda sista svarsdagen", text);
        Assert.Contains("2024", text); // imported trend column
        Assert.NotEmpty(Directory.GetFiles(pages, "page-*.png"));
    }

    [Fact]
    public void Report_with_hostile_comments_opens_in_LibreOffice()
    {
        var folder = Directory.CreateTempSubdirectory("hostile-report-");
        try
        {
            var comments = new Dictionary<string, string>
            {
                ["m01"] = "före\u0001\u0008\u001Fefter",
                ["m02"] = "<script>alert('x')</script> & </w:t><w:t>",
                ["m03"] = string.Concat(Enumerable.Repeat("Lång kommentar 0123456789 ", 2700)),
                ["m04"] = "Bra jobbat 👍🏽 🚓 مرحبا بالعالم שלום עולם",
            };
            var docx = Path.Combine(folder.FullName, "hostile.docx");
            File.WriteAllBytes(docx, ReportDocument.GenerateBytes(SampleReportData.Create(comments: comments)));
            var text = Collapse(Run(Tool("pdftotext", "poppler-utils (pdftotext) is required."), $"-enc UTF-8 \"{ConvertToPdf(docx, folder.FullName)}\" -"));
            Assert.Contains("föreefter", text);
            Assert.Contains("<script>alert('x')</script> & </w:t><w:t>", text);
            Assert.Contains("Bra jobbat", text);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Converts with a fresh LibreOffice profile per run, so parallel or crashed runs never share a locked profile.</summary>
    static string ConvertToPdf(string docx, string outDir)
    {
        var profile = Path.Combine(Path.GetTempPath(), $"lo-{Guid.NewGuid():N}");
        try
        {
            Run(Tool("soffice", "LibreOffice (soffice) is required to render the report; install it, e.g. apt-get install libreoffice-writer."),
                $"-env:UserInstallation=file://{profile} --headless --convert-to pdf --outdir \"{outDir}\" \"{docx}\"");
        }
        finally
        {
            if (Directory.Exists(profile))
            {
                Directory.Delete(profile, recursive: true);
            }
        }

        var pdf = Path.ChangeExtension(docx, ".pdf");
        Assert.True(File.Exists(pdf), $"LibreOffice did not write {pdf}.");
        return pdf;
    }

    static string Collapse(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    static string Tool(string name, string missing)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
        Assert.True(found is not null, $"'{name}' was not found on PATH. {missing}");
        return found!;
    }

    static string Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(ConversionTimeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Path.GetFileName(file)} did not finish within {ConversionTimeout}.");
        }

        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(file)} {arguments} exited with {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}
