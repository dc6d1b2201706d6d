using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Trygghetsuppfoljning.Bench;

/// <summary>
/// Reads the body of our generated report back as simple blocks (paragraph with heading level, table with cell
/// text and shading), which the npm docx script turns into the equivalent document.
/// </summary>
internal static class BlockExtractor
{
    public static void Write(byte[] docx, string path)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        using var file = File.Create(path);
        using var json = new Utf8JsonWriter(file);
        json.WriteStartArray();
        var tocWritten = false;
        foreach (var element in doc.MainDocumentPart!.Document.Body!.ChildElements)
        {
            switch (element)
            {
                case Paragraph p when p.Descendants<FieldCode>().Any() || p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "TOC1":
                    if (!tocWritten)
                    {
                        json.WriteStartObject();
                        json.WriteString("kind", "toc");
                        json.WriteString("text", "Innehåll");
                        json.WriteEndObject();
                        tocWritten = true;
                    }

                    break;
                case Paragraph p when p.Descendants<Break>().Any(b => b.Type?.Value == BreakValues.Page):
                    json.WriteStartObject();
                    json.WriteString("kind", "pageBreak");
                    json.WriteEndObject();
                    break;
                case Paragraph p:
                    json.WriteStartObject();
                    json.WriteString("kind", "paragraph");
                    var style = p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
                    if (style is not null && style.StartsWith("Heading", StringComparison.Ordinal))
                    {
                        json.WriteNumber("level", int.Parse(style.AsSpan(7), System.Globalization.CultureInfo.InvariantCulture));
                    }

                    json.WriteString("text", TextOf(p));
                    json.WriteEndObject();
                    break;
                case Table t:
                    json.WriteStartObject();
                    json.WriteString("kind", "table");
                    json.WriteStartArray("widths");
                    foreach (var c in t.GetFirstChild<TableGrid>()!.Elements<GridColumn>())
                    {
                        json.WriteNumberValue(int.Parse(c.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture));
                    }

                    json.WriteEndArray();
                    json.WriteStartArray("rows");
                    foreach (var row in t.Elements<TableRow>())
                    {
                        json.WriteStartArray();
                        foreach (var cell in row.Elements<TableCell>())
                        {
                            json.WriteStartObject();
                            json.WriteString("text", string.Join("\n", cell.Elements<Paragraph>().Select(TextOf)));
                            if (cell.TableCellProperties?.Shading?.Fill?.Value is { } fill)
                            {
                                json.WriteString("fill", fill);
                            }

                            json.WriteEndObject();
                        }

                        json.WriteEndArray();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                    break;
            }
        }

        json.WriteEndArray();
    }

    static string TextOf(Paragraph p) =>
        string.Concat(p.Descendants().Select(e => e switch
        {
            Text t => t.Text,
            Break { Type: null } => "\n",
            TabChar => "\t",
            _ => string.Empty,
        }));
}
