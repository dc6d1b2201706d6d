using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Trygghetsuppfoljning.Workflows.Reports;

/// <summary>
/// Streams one table row by row: only the current row exists as objects, so a 5,000-row table costs no more
/// memory than a 5-row one. Looks come from the template's "ReportTable" style; only the traffic-light and
/// trend cells carry their own shading.
/// </summary>
internal sealed class ReportTableWriter
{
    public const string TableStyle = "ReportTable";
    const string CellStyle = "TableText";

    readonly OpenXmlWriter writer;
    readonly int[] widths;

    ReportTableWriter(OpenXmlWriter writer, int[] widths)
    {
        this.writer = writer;
        this.widths = widths;
    }

    /// <summary>Starts a table; widths are in twentieths of a point and should add up to the text width.</summary>
    public static ReportTableWriter Start(OpenXmlWriter writer, int[] widths, params string[] headers)
    {
        writer.WriteStartElement(new Table());
        writer.WriteElement(new TableProperties(
            new TableStyle { Val = TableStyle },
            new TableWidth { Width = widths.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            // Only w:val: the firstRow… attributes are Word 2010 additions and fail validation as Office 2007 (the validator default).
            new TableLook { Val = "0620" }));
        var grid = new TableGrid();
        foreach (var w in widths)
        {
            grid.AppendChild(new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        writer.WriteElement(grid);
        var table = new ReportTableWriter(writer, widths);
        table.Write(header: true, headers.Select(h => Cell(h)).ToArray());
        return table;
    }

    public static TableCell Cell(string text, string? fill = null, bool bold = false)
    {
        var props = new TableCellProperties();
        if (fill is not null)
        {
            props.AppendChild(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill });
        }

        return new TableCell(props, new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = CellStyle }), ReportElements.TextRun(text, bold)));
    }

    public void Row(params TableCell[] cells) => Write(header: false, cells);

    public void End() => writer.WriteEndElement();

    void Write(bool header, TableCell[] cells)
    {
        var row = new TableRow();
        if (header)
        {
            // Repeat the header on every page and keep it whole.
            row.AppendChild(new TableRowProperties(new CantSplit(), new TableHeader()));
        }

        for (var i = 0; i < cells.Length; i++)
        {
            var props = cells[i].TableCellProperties!;
            props.InsertAt(new TableCellWidth { Width = widths[i].ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }, 0);
            row.AppendChild(cells[i]);
        }

        writer.WriteElement(row);
    }
}
