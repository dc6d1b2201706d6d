using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Trygghetsuppfoljning.Workflows.Reports;

/// <summary>
/// The header-row look of the template's "ReportTable" style (its first-row shading, text colour and bold). Word
/// applies that conditional formatting itself; LibreOffice takes the shading but not the text colour, which left dark
/// text on dark blue. Repeating the template's own values on the header cells keeps the branding in the template.
/// </summary>
internal sealed record ReportHeaderLook(string? Fill, string? Color, bool Bold)
{
    public static readonly ReportHeaderLook None = new(null, null, true);

    public static ReportHeaderLook From(MainDocumentPart main)
    {
        var style = main.StyleDefinitionsPart?.Styles?.Elements<Style>()
            .FirstOrDefault(s => s.StyleId?.Value == ReportTableWriter.TableStyle);
        var firstRow = style?.Elements<TableStyleProperties>().FirstOrDefault(p => p.Type?.Value == TableStyleOverrideValues.FirstRow);
        if (firstRow is null)
        {
            return None;
        }

        var fill = firstRow.GetFirstChild<TableStyleConditionalFormattingTableCellProperties>()?.GetFirstChild<Shading>()?.Fill?.Value;
        var run = firstRow.GetFirstChild<RunPropertiesBaseStyle>();
        var color = run?.GetFirstChild<Color>()?.Val?.Value;
        var bold = run?.GetFirstChild<Bold>() is { } b ? b.Val is null || b.Val.Value : true;
        return new(fill, color, bold);
    }

    public TableCell Cell(string text)
    {
        var cell = ReportTableWriter.Cell(text, Fill, Bold);
        if (Color is not null)
        {
            foreach (var run in cell.Descendants<Run>())
            {
                (run.RunProperties ??= new RunProperties()).AppendChild(new Color { Val = Color });
            }
        }

        return cell;
    }
}
