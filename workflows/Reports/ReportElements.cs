using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Trygghetsuppfoljning.Workflows.Reports;

/// <summary>Small WordprocessingML building blocks. Every text passes through the sanitizer here, once.</summary>
internal static class ReportElements
{
    /// <summary>A heading that keeps with what follows, whatever the template's heading styles say: never alone at a page's foot.</summary>
    public static Paragraph Heading(int level, string text)
    {
        var heading = Styled($"Heading{level}", text);
        heading.ParagraphProperties!.KeepNext = new KeepNext();
        return heading;
    }

    /// <summary>A paragraph that introduces the table after it, kept on the same page as the table.</summary>
    public static Paragraph Intro(string text) =>
        new(new ParagraphProperties(new KeepNext()), TextRun(text));

    public static Paragraph Styled(string styleId, string text, bool bold = false) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = styleId }), TextRun(text, bold));

    public static Paragraph Plain(string text) => new(TextRun(text));

    /// <summary>"Label: value" on one line, label in bold.</summary>
    public static Paragraph Labelled(string label, string value) =>
        new(TextRun(label + ": ", bold: true), TextRun(value));

    /// <summary>
    /// One run holding the text with line breaks and tabs as Word expects them (w:br, w:tab), because a raw
    /// newline inside w:t is shown as a space.
    /// </summary>
    public static Run TextRun(string text, bool bold = false)
    {
        var run = new Run();
        if (bold)
        {
            run.AppendChild(new RunProperties(new Bold()));
        }

        var clean = ReportTextSanitizer.Clean(text);
        var start = 0;
        for (var i = 0; i <= clean.Length; i++)
        {
            if (i < clean.Length && clean[i] is not ('\n' or '\r' or '\t'))
            {
                continue;
            }

            if (i > start)
            {
                run.AppendChild(new Text(clean[start..i]) { Space = SpaceProcessingModeValues.Preserve });
            }

            if (i < clean.Length)
            {
                if (clean[i] == '\t')
                {
                    run.AppendChild(new TabChar());
                }
                else
                {
                    if (clean[i] == '\r' && i + 1 < clean.Length && clean[i + 1] == '\n')
                    {
                        i++;
                    }

                    run.AppendChild(new Break());
                }
            }

            start = i + 1;
        }

        return run;
    }

    public static Paragraph PageBreak() => new(new Run(new Break { Type = BreakValues.Page }));
}
