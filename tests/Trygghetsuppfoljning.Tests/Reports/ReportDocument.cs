using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Trygghetsuppfoljning.Workflows.Reports;
using Trygghetsuppfoljning.Workflows.Templates;

namespace Trygghetsuppfoljning.Tests.Reports;

/// <summary>A generated report held in memory with the views tests look at: text, validation errors, parts.</summary>
public sealed class ReportDocument : IDisposable
{
    readonly MemoryStream stream;

    ReportDocument(byte[] bytes)
    {
        Bytes = bytes;
        stream = new MemoryStream(bytes, writable: false);
        Word = WordprocessingDocument.Open(stream, false);
    }

    public byte[] Bytes { get; }

    public WordprocessingDocument Word { get; }

    public MainDocumentPart Main => Word.MainDocumentPart!;

    public static byte[] GenerateBytes(ReportData data, TemplateLoader? templates = null)
    {
        templates ??= SampleReportData.Templates();
        using var output = new MemoryStream();
        new ReportGenerator(templates, new TextCatalog(templates)).Generate(data, output);
        return output.ToArray();
    }

    public static ReportDocument Generate(ReportData data, TemplateLoader? templates = null) => new(GenerateBytes(data, templates));

    /// <summary>Body text, one line per paragraph, with w:br as newlines.</summary>
    public string Text => string.Join("\n", Main.Document.Body!.Descendants<Paragraph>().Select(ParagraphText));

    public IEnumerable<string> ParagraphsWithStyle(string styleId) =>
        Main.Document.Body!.Descendants<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == styleId).Select(ParagraphText);

    public IReadOnlyList<ValidationErrorInfo> ValidationErrors() =>
        new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(Word).Concat(new OpenXmlValidator().Validate(Word)).ToList();

    public static string Describe(IEnumerable<ValidationErrorInfo> errors) =>
        string.Join("\n", errors.Take(20).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}"));

    static string ParagraphText(Paragraph p) =>
        string.Concat(p.Descendants().Select(e => e switch
        {
            Text t => t.Text,
            Break => "\n",
            TabChar => "\t",
            _ => string.Empty,
        }));

    public void Dispose()
    {
        Word.Dispose();
        stream.Dispose();
    }
}
