using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Trygghetsuppfoljning.Workflows.Templates;

namespace Trygghetsuppfoljning.Workflows.Reports;

/// <summary>
/// Fills templates/report/rapport.docx with a cycle's report. The template owns the look (styles, cover, header,
/// footer, logo); the code only knows the content-control tags in <see cref="ReportTags"/>, so a municipality's
/// own .docx with the same tags works unchanged. Output depends only on <see cref="ReportData"/>: no clock, no
/// random ids, fixed zip timestamps, so regenerating a closed cycle's report gives the same document.
/// </summary>
public sealed class ReportGenerator
{
    public const string TemplateName = "report/rapport.docx";

    readonly TemplateLoader templates;
    readonly TextCatalog texts;

    public ReportGenerator(TemplateLoader templates, TextCatalog texts)
    {
        this.templates = templates;
        this.texts = texts;
    }

    public void Generate(ReportData data, Stream output)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(output);
        var reportTexts = new ReportTexts(texts, data.Language);
        var sections = new ReportSections(data, reportTexts);
        var fields = sections.Fields();

        using var package = new MemoryStream();
        using (var template = templates.OpenRead(TemplateName))
        {
            template.CopyTo(package);
        }

        // AutoSave off: the main part is streamed by hand, and a save of its loaded DOM would overwrite that.
        using (var doc = WordprocessingDocument.Open(package, true, new OpenSettings { AutoSave = false }))
        {
            if (doc.DocumentType != WordprocessingDocumentType.Document)
            {
                doc.ChangeDocumentType(WordprocessingDocumentType.Document);
            }

            var main = doc.MainDocumentPart ?? throw new InvalidDataException($"'{TemplateName}' has no main document part.");
            foreach (var header in main.HeaderParts)
            {
                ReportTemplateFields.Fill(header.Header, fields);
                header.Header.Save();
            }

            foreach (var footer in main.FooterParts)
            {
                ReportTemplateFields.Fill(footer.Footer, fields);
                footer.Footer.Save();
            }

            RequestFieldUpdateOnOpen(main);
            ReportLanguage.Apply(main, reportTexts.Culture.Name);
            WriteBody(main, sections, fields);

            var stamp = ReportPackageNormalizer.Stamp(data.ReportDate);
            doc.PackageProperties.Title = sections.ReportTitle;
            doc.PackageProperties.Subject = data.Agreement.Title;
            doc.PackageProperties.Created = stamp.UtcDateTime;
            doc.PackageProperties.Modified = stamp.UtcDateTime;
            doc.PackageProperties.Revision = "1";
        }

        package.Position = 0;
        ReportPackageNormalizer.Rewrite(package, output, data.ReportDate);
    }

    static void WriteBody(MainDocumentPart main, ReportSections sections, IReadOnlyDictionary<string, string> fields)
    {
        // A deep clone forces the whole (small) template body into memory before the part is overwritten.
        var template = (Document)main.Document.CloneNode(true);
        var body = template.Body ?? throw new InvalidDataException($"'{TemplateName}' has no body.");
        var found = body.Elements<SdtBlock>().Select(ReportTemplateFields.TagOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var missing = ReportTags.Sections.Where(s => !found.Contains(s)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException(
                $"'{TemplateName}' lacks the content control(s) tagged {string.Join(", ", missing)}; see templates/report/README.md.");
        }

        var namespaces = template.NamespaceDeclarations.ToDictionary(n => n.Key, n => n.Value, StringComparer.Ordinal);
        foreach (var (prefix, uri) in RequiredNamespaces)
        {
            namespaces.TryAdd(prefix, uri);
        }

        using var writer = OpenXmlWriter.Create(main);
        writer.WriteStartDocument(true);
        writer.WriteStartElement(new Document(), template.GetAttributes(), namespaces);
        foreach (var child in template.ChildElements)
        {
            if (child is not Body)
            {
                writer.WriteElement(child);
                continue;
            }

            writer.WriteStartElement(new Body());
            foreach (var element in body.ChildElements)
            {
                if (element is SdtBlock sdt && ReportTemplateFields.TagOf(sdt) is { } tag && ReportTags.Sections.Contains(tag))
                {
                    sections.Write(tag, writer, main);
                    continue;
                }

                ReportTemplateFields.Fill(element, fields);
                writer.WriteElement(element);
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.Close();
    }

    static readonly KeyValuePair<string, string>[] RequiredNamespaces =
    [
        new("w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
        new("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
        new("wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
        new("a", "http://schemas.openxmlformats.org/drawingml/2006/main"),
        new("c", "http://schemas.openxmlformats.org/drawingml/2006/chart"),
    ];

    /// <summary>Word then refreshes the TOC (and page numbers) when the document opens.</summary>
    static void RequestFieldUpdateOnOpen(MainDocumentPart main)
    {
        var part = main.DocumentSettingsPart ?? main.AddNewPart<DocumentSettingsPart>("rIdReportSettings");
        part.Settings ??= new Settings();
        var settings = part.Settings;
        settings.RemoveAllChildren<UpdateFieldsOnOpen>();
        var update = new UpdateFieldsOnOpen { Val = true };
        // Schema order: w:updateFields precedes these; the validator rejects it anywhere else.
        var next = settings.ChildElements.FirstOrDefault(e => AfterUpdateFields.Contains(e.LocalName) || e.NamespaceUri != settings.NamespaceUri);
        if (next is null)
        {
            settings.AppendChild(update);
        }
        else
        {
            settings.InsertBefore(update, next);
        }

        settings.Save();
    }

    static readonly HashSet<string> AfterUpdateFields = new(StringComparer.Ordinal)
    {
        "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "attachedSchema", "themeFontLang",
        "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions",
        "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
    };
}
