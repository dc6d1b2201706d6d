using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Trygghetsuppfoljning.Workflows.Reports;

/// <summary>
/// Streams one table row by row: only the current row exists as objects, so a 5,000-row table costs no more
/// memory than a 5-row one. Looks come from the template's "ReportTable" style; only the traffic-light and
/// trend cells carry their own shading. Rows never split across pages, and the header row repeats and stays with
/// the first data row.
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
    /// <param name="headerLook">The template's header-row look, repeated as direct formatting (LibreOffice ignores the style's).</param>
    public static ReportTableWriter Start(OpenXmlWriter writer, int[] widths, ReportHeaderLook headerLook, params string[] headers)
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
        table.Write(header: true, headers.Select(h => headerLook.Cell(h)).ToArray());
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

        // Keep every row whole on one page; the header also repeats on each page.
        row.AppendChild(header ? new TableRowProperties(new CantSplit(), new TableHeader()) : new TableRowProperties(new CantSplit()));
        for (var i = 0; i < cells.Length; i++)
        {
            var props = cells[i].TableCellProperties!;
            props.InsertAt(new TableCellWidth { Width = widths[i].ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }, 0);
            if (header)
            {
                // Keep-with-next on the header's paragraphs keeps it on the page of the first data row.
                foreach (var p in cells[i].Elements<Paragraph>())
                {
                    (p.ParagraphProperties ??= new ParagraphProperties()).KeepNext = new KeepNext();
                }
            }

            row.AppendChild(cells[i]);
        }

        writer.WriteElement(row);
    }
}
