using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Trygghetsuppfoljning.Workflows.Reports;

/// <summary>Replaces field content controls (see <see cref="ReportTags.Fields"/>) with their text, keeping the template's formatting.</summary>
internal static class ReportTemplateFields
{
    public static string? TagOf(SdtElement sdt) => sdt.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value;

    public static void Fill(OpenXmlElement root, IReadOnlyDictionary<string, string> fields)
    {
        // Materialise first: replacing while enumerating descendants would skip siblings.
        var controls = root.Descendants<SdtElement>().Prepend(root as SdtElement).OfType<SdtElement>().ToList();
        foreach (var sdt in controls)
        {
            if (sdt.Parent is null || TagOf(sdt) is not { } tag || !fields.TryGetValue(tag, out var value))
            {
                continue;
            }

            switch (sdt)
            {
                case SdtRun run:
                    run.Parent!.ReplaceChild(TextRunLike(run.Descendants<Run>().FirstOrDefault(), value), run);
                    break;
                case SdtBlock block:
                    var first = block.Descendants<Paragraph>().FirstOrDefault();
                    var paragraph = new Paragraph();
                    if (first?.ParagraphProperties is { } pPr)
                    {
                        paragraph.AppendChild(pPr.CloneNode(true));
                    }

                    paragraph.AppendChild(TextRunLike(first?.Descendants<Run>().FirstOrDefault(), value));
                    block.Parent!.ReplaceChild(paragraph, block);
                    break;
            }
        }
    }

    static Run TextRunLike(Run? model, string text)
    {
        var run = ReportElements.TextRun(text);
        if (model?.RunProperties is { } rPr)
        {
            var props = (RunProperties)rPr.CloneNode(true);
            // Word marks placeholder text with a grey character style; the filled value is real text.
            props.RemoveAllChildren<RunStyle>();
            run.PrependChild(props);
        }

        return run;
    }
}
