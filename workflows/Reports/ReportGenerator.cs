using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Trygghetsuppfoljning.Workflows.Templates;

namespace Trygghetsuppfoljning.Workflows.Reports;

/// <summary>Placeholder generator (walking skeleton): one heading and status table per focus area.</summary>
public sealed class ReportGenerator(TemplateLoader templates, TextCatalog texts)
{
    public TemplateLoader Templates => templates;

    public void Generate(ReportData data, Stream output)
    {
        var lang = data.Language;
        using var doc = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        var body = new Body();
        body.Append(Paragraph($"{data.Agreement.Title} – {data.Cycle.Year}"));
        foreach (var area in data.Agreement.FocusAreas)
        {
            body.Append(Paragraph(area.Title));
            var table = new Table(
                new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }),
                new TableGrid(new GridColumn { Width = "4000" }, new GridColumn { Width = "2500" }, new GridColumn { Width = "2500" }));
            foreach (var o in data.Outcomes.Where(o => o.Measure.FocusAreaId == area.Id))
            {
                var status = o.Answer?.Status is { } s ? texts.Status(lang, s) : texts.Get(lang, "progress.Missing");
                table.Append(new TableRow(Cell(o.Measure.Title), Cell(o.Owner.Name), Cell(status)));
            }

            body.Append(table);
        }

        main.Document = new Document(body);
        main.Document.Save();
    }

    static Paragraph Paragraph(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    static TableCell Cell(string text) => new(Paragraph(text));
}
