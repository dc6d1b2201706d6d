using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Trygghetsuppfoljning.Workflows.Citizens;

/// <summary>
/// The citizens' summary as a plain .docx for the municipality's web editor: the same sentences as the page, real
/// heading styles (Title, Heading1, Heading2) and bulleted lists, no layout to fight with on paste or import.
/// </summary>
public static class CitizenDocxWriter
{
    const int BulletNumberingId = 1;

    public static byte[] Write(CitizenPageContent c)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            AddStyles(main, c.Language);
            AddBulletNumbering(main);
            var body = new Body();
            body.Append(Styled("Title", c.Title), Plain(c.Lead), Plain(c.Approved));

            body.Append(Styled("Heading1", c.PromisesHeading));
            foreach (var p in c.Promises)
            {
                body.Append(Styled("Heading2", p.Text), Plain(p.Verdict, bold: true), Plain(p.Counts));
                body.Append(p.Notes.Select(n => Plain(n)).ToArray<OpenXmlElement>());
            }

            body.Append(Styled("Heading1", c.DoneHeading), Plain(c.DoneOverview));
            body.Append(c.Figures.Select(Bullet).ToArray<OpenXmlElement>());

            if (c.Effects.Count > 0)
            {
                body.Append(Styled("Heading1", c.EffectsHeading), Plain(c.EffectsIntro));
                foreach (var e in c.Effects)
                {
                    body.Append(Styled("Heading2", e.Name));
                    body.Append(e.Lines.Select(l => Plain(l)).ToArray<OpenXmlElement>());
                }
            }

            if (c.OtherNotes.Count > 0)
            {
                body.Append(Styled("Heading1", c.NotesHeading));
                body.Append(c.OtherNotes.Select(n => Plain(n)).ToArray<OpenXmlElement>());
            }

            body.Append(Styled("Heading1", c.NextHeading));
            if (c.Continuing.Count > 0)
            {
                body.Append(Plain(c.ContinuingIntro));
                body.Append(c.Continuing.Select(Bullet).ToArray<OpenXmlElement>());
            }

            body.Append(Plain(c.FollowUp), Plain(c.Footer));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1417, Bottom = 1417, Left = 1417, Right = 1417, Header = 708, Footer = 708, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
            doc.PackageProperties.Title = c.Title;
            doc.PackageProperties.Language = c.Language == "en" ? "en-GB" : "sv-SE";
        }

        return stream.ToArray();
    }

    static Paragraph Styled(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), Run(text, false));

    static Paragraph Plain(string text, bool bold = false) => new(Run(text, bold));

    static Paragraph Bullet(string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = "ListParagraph" }, new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = BulletNumberingId })), Run(text, false));

    static Run Run(string text, bool bold)
    {
        var run = new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        if (bold)
        {
            run.PrependChild(new RunProperties(new Bold()));
        }

        return run;
    }

    static void AddStyles(MainDocumentPart main, string language)
    {
        Style Heading(string id, string name, int size, string? basedOn = "Normal") => new(
            new StyleName { Val = name },
            new BasedOn { Val = basedOn },
            new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = id == "Title" ? 0 : id[^1] - '1' }),
            new StyleRunProperties(new Bold(), new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        { Type = StyleValues.Paragraph, StyleId = id };

        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri" },
                    new FontSize { Val = "24" },
                    new Languages { Val = language == "en" ? "en-GB" : "sv-SE" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Heading("Title", "Title", 44),
            Heading("Heading1", "heading 1", 32),
            Heading("Heading2", "heading 2", 26),
            new Style(new StyleName { Val = "List Paragraph" }, new BasedOn { Val = "Normal" }, new StyleParagraphProperties(new Indentation { Left = "720" }))
            { Type = StyleValues.Paragraph, StyleId = "ListParagraph" });
        main.AddNewPart<StyleDefinitionsPart>().Styles = styles;
    }

    static void AddBulletNumbering(MainDocumentPart main)
    {
        var abstractNum = new AbstractNum(
            new Level(
                new NumberingFormat { Val = NumberFormatValues.Bullet },
                new LevelText { Val = "•" },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = "720", Hanging = "360" }))
            { LevelIndex = 0 })
        { AbstractNumberId = 1 };
        main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering(
            abstractNum,
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = BulletNumberingId });
    }
}
