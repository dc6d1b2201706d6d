using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Trygghetsuppfoljning.Workflows.Reports;

namespace Trygghetsuppfoljning.Tests.Reports;

/// <summary>
/// Produces the default templates/report/rapport.docx and logo.png. The committed files are its output; a
/// municipality edits the .docx in Word instead (templates/report/README.md). Kept as code so the default
/// template can be reviewed and regenerated: set WRITE_REPORT_TEMPLATE=1 and run the template tests.
/// </summary>
public static class ReportTemplateBuilder
{
    const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const string Wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    const string A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    const string Pic = "http://schemas.openxmlformats.org/drawingml/2006/picture";

    const string Accent = "1F4E79";

    public static void Build(Stream output, byte[] logoPng)
    {
        using var doc = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        Feed(main.AddNewPart<StyleDefinitionsPart>("rIdStyles"), Styles());
        Feed(main.AddNewPart<DocumentSettingsPart>("rIdSettings"), Settings());
        var header = main.AddNewPart<HeaderPart>("rIdHeader");
        var logo = header.AddImagePart(ImagePartType.Png, "rIdLogo");
        using (var s = new MemoryStream(logoPng))
        {
            logo.FeedData(s);
        }

        Feed(header, Header());
        Feed(main.AddNewPart<FooterPart>("rIdFooter"), Footer());
        Feed(main, Document());
        doc.PackageProperties.Title = "Trygghetsuppföljning";
        doc.PackageProperties.Creator = "Trygghetsuppföljning";
    }

    static void Feed(OpenXmlPart part, string xml)
    {
        using var s = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml));
        part.FeedData(s);
    }

    static string Field(string tag, string alias, string placeholder, string runProps = "") =>
        $"""<w:sdt><w:sdtPr><w:alias w:val="{alias}"/><w:tag w:val="{tag}"/><w:text/></w:sdtPr><w:sdtContent><w:r>{(runProps.Length > 0 ? $"<w:rPr>{runProps}</w:rPr>" : "")}<w:t>{placeholder}</w:t></w:r></w:sdtContent></w:sdt>""";

    static string Section(string tag, string alias) =>
        $"""<w:sdt><w:sdtPr><w:alias w:val="{alias}"/><w:tag w:val="{tag}"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>[{alias}]</w:t></w:r></w:p></w:sdtContent></w:sdt>""";

    // A page break in a paragraph with an exact, tiny line height, so no empty line shows at the top of the next page.
    const string PageBreak = """<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr><w:r><w:br w:type="page"/></w:r></w:p>""";

    static string Document() => $"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="{W}" xmlns:r="{R}" xmlns:wp="{Wp}" xmlns:a="{A}" xmlns:pic="{Pic}"><w:body>
        <w:p><w:pPr><w:spacing w:before="2400" w:after="0"/></w:pPr></w:p>
        <w:p><w:pPr><w:pStyle w:val="CoverKicker"/></w:pPr>{Field(ReportTags.Municipality, "Kommun", "Kommunens namn")}</w:p>
        <w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr>{Field(ReportTags.ReportTitle, "Rapportens titel", "Årlig uppföljning")}</w:p>
        <w:p><w:pPr><w:pStyle w:val="Subtitle"/></w:pPr>{Field(ReportTags.AgreementTitle, "Överenskommelsens titel", "Samverkansöverenskommelse")}</w:p>
        <w:p><w:pPr><w:pStyle w:val="CoverLine"/></w:pPr>{Field(ReportTags.ReportSubtitle, "Parter", "Kommunen och lokalpolisområdet")}</w:p>
        <w:p><w:pPr><w:pStyle w:val="CoverLine"/></w:pPr>{Field(ReportTags.PreparedFor, "Mottagare", "Till styrgruppen")}</w:p>
        <w:p><w:pPr><w:pStyle w:val="CoverLine"/></w:pPr>{Field(ReportTags.ReportDate, "Rapportdatum", "Rapportdatum")}</w:p>
        {PageBreak}
        {Section(ReportTags.TableOfContents, "Innehållsförteckning")}
        {PageBreak}
        {Section(ReportTags.Summary, "Sammanfattning")}
        {Section(ReportTags.StatusChart, "Diagram")}
        {PageBreak}
        {Section(ReportTags.FocusAreas, "Fokusområden")}
        {PageBreak}
        {Section(ReportTags.MissingAnswers, "Uteblivna svar")}
        {Section(ReportTags.Revision, "Revidering")}
        {PageBreak}
        {Section(ReportTags.Appendix, "Bilaga")}
        <w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference w:type="default" r:id="rIdFooter"/>
        <w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1701" w:right="1247" w:bottom="1247" w:left="1247" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>
        </w:body></w:document>
        """;

    static string Header() => $"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:hdr xmlns:w="{W}" xmlns:r="{R}" xmlns:wp="{Wp}" xmlns:a="{A}" xmlns:pic="{Pic}">
        <w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>
        <w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="432000" cy="432000"/><wp:docPr id="1" name="Logo" descr="Logotyp"/>
        <a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="logo.png"/><pic:cNvPicPr/></pic:nvPicPr>
        <pic:blipFill><a:blip r:embed="rIdLogo"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>
        <pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="432000" cy="432000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>
        <w:r><w:tab/></w:r>{Field(ReportTags.Municipality, "Kommun", "Kommunens namn", $"<w:b/><w:color w:val=\"{Accent}\"/>")}</w:p>
        </w:hdr>
        """;

    static string Footer() => $"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:ftr xmlns:w="{W}" xmlns:r="{R}">
        <w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>{Field(ReportTags.ReportTitle, "Rapportens titel", "Årlig uppföljning")}<w:r><w:tab/></w:r>
        <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
        </w:ftr>
        """;

    static string Settings() => $"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:settings xmlns:w="{W}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="709"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>
        """;

    static string ParaStyle(string id, string name, string pPr, string rPr, string basedOn = "Normal", string next = "Normal", int? outline = null) =>
        $"""<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="{basedOn}"/><w:next w:val="{next}"/><w:qFormat/><w:pPr>{pPr}{(outline is { } o ? $"<w:outlineLvl w:val=\"{o}\"/>" : "")}</w:pPr><w:rPr>{rPr}</w:rPr></w:style>""";

    static string Styles() => $"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="{W}">
        <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="sv-SE"/></w:rPr></w:rPrDefault>
        <w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="222222"/></w:rPr></w:style>
        {ParaStyle("Title", "Title", "<w:spacing w:before=\"240\" w:after=\"240\"/>", $"<w:b/><w:color w:val=\"{Accent}\"/><w:sz w:val=\"64\"/><w:szCs w:val=\"64\"/>")}
        {ParaStyle("Subtitle", "Subtitle", "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"8\" w:color=\"" + Accent + "\"/></w:pBdr><w:spacing w:after=\"480\"/>", "<w:color w:val=\"404040\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>")}
        {ParaStyle("CoverKicker", "Cover kicker", "<w:spacing w:after=\"0\"/>", "<w:caps/><w:color w:val=\"2E75B6\"/><w:spacing w:val=\"20\"/><w:sz w:val=\"24\"/>")}
        {ParaStyle("CoverLine", "Cover line", "<w:spacing w:after=\"60\"/>", "<w:color w:val=\"404040\"/><w:sz w:val=\"24\"/>")}
        {ParaStyle("Heading1", "heading 1", "<w:keepNext/><w:keepLines/><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"4\" w:color=\"" + Accent + "\"/></w:pBdr><w:spacing w:before=\"480\" w:after=\"200\"/>", $"<w:b/><w:color w:val=\"{Accent}\"/><w:sz w:val=\"36\"/><w:szCs w:val=\"36\"/>", outline: 0)}
        {ParaStyle("Heading2", "heading 2", "<w:keepNext/><w:keepLines/><w:spacing w:before=\"280\" w:after=\"100\"/>", "<w:b/><w:color w:val=\"2E75B6\"/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>", outline: 1)}
        {ParaStyle("Heading3", "heading 3", "<w:keepNext/><w:keepLines/><w:spacing w:before=\"200\" w:after=\"60\"/>", "<w:b/><w:color w:val=\"404040\"/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/>", outline: 2)}
        {ParaStyle("TOCHeading", "TOC Heading", "<w:keepNext/><w:spacing w:after=\"240\"/>", $"<w:b/><w:color w:val=\"{Accent}\"/><w:sz w:val=\"36\"/>")}
        {ParaStyle("TOC1", "toc 1", "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"9402\"/></w:tabs><w:spacing w:before=\"120\" w:after=\"60\"/>", "<w:b/>")}
        {ParaStyle("TOC2", "toc 2", "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"9402\"/></w:tabs><w:spacing w:after=\"40\"/><w:ind w:left=\"284\"/>", "")}
        {ParaStyle("Caption", "caption", "<w:spacing w:before=\"60\" w:after=\"240\"/>", "<w:i/><w:color w:val=\"595959\"/><w:sz w:val=\"18\"/>")}
        {ParaStyle("KeyFigure", "Key figure", "<w:spacing w:after=\"60\"/>", "<w:sz w:val=\"22\"/>")}
        {ParaStyle("TableText", "Table text", "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>", "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>")}
        {ParaStyle("Header", "header", "<w:tabs><w:tab w:val=\"right\" w:pos=\"9412\"/></w:tabs><w:spacing w:after=\"0\"/>", "<w:sz w:val=\"18\"/>")}
        {ParaStyle("Footer", "footer", "<w:pBdr><w:top w:val=\"single\" w:sz=\"4\" w:space=\"4\" w:color=\"A6A6A6\"/></w:pBdr><w:tabs><w:tab w:val=\"right\" w:pos=\"9412\"/></w:tabs><w:spacing w:after=\"0\"/>", "<w:color w:val=\"595959\"/><w:sz w:val=\"16\"/>")}
        <w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>
        <w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>
        <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
        <w:style w:type="table" w:styleId="ReportTable"><w:name w:val="Report Table"/><w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>
        <w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/></w:tblBorders><w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>
        <w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{Accent}"/></w:tcPr></w:tblStylePr></w:style>
        </w:styles>
        """;

    /// <summary>A 128×128 PNG: a blue shield with a white band, drawn pixel by pixel so no image library is needed.</summary>
    public static byte[] Logo()
    {
        const int size = 128;
        var raw = new byte[size * (1 + size * 4)];
        for (var y = 0; y < size; y++)
        {
            var row = y * (1 + size * 4);
            raw[row] = 0; // filter: none
            for (var x = 0; x < size; x++)
            {
                // Shield: straight sides down to 60 %, then a curve to a point at the bottom.
                double cx = x - 63.5, half = y < 77 ? 56 : 56 * Math.Sqrt(Math.Max(0, 1 - Math.Pow((y - 77) / 47.0, 2)));
                var inside = y >= 4 && y <= 124 && Math.Abs(cx) <= half;
                var band = y is >= 52 and <= 66;
                var border = inside && (Math.Abs(cx) > half - 5 || y < 9);
                (byte r, byte g, byte b, byte a) px = !inside ? ((byte)0, (byte)0, (byte)0, (byte)0)
                    : border ? ((byte)0x1F, (byte)0x4E, (byte)0x79, (byte)255)
                    : band ? ((byte)255, (byte)255, (byte)255, (byte)255)
                    : ((byte)0x2E, (byte)0x75, (byte)0xB6, (byte)255);
                var i = row + 1 + x * 4;
                raw[i] = px.r;
                raw[i + 1] = px.g;
                raw[i + 2] = px.b;
                raw[i + 3] = px.a;
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        WriteBigEndian(ihdr, 0, size);
        WriteBigEndian(ihdr, 4, size);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 6; // RGBA
        Chunk(png, "IHDR", ihdr);
        using (var z = new MemoryStream())
        {
            using (var zlib = new ZLibStream(z, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                zlib.Write(raw);
            }

            Chunk(png, "IDAT", z.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    static void Chunk(Stream s, string type, byte[] data)
    {
        var len = new byte[4];
        WriteBigEndian(len, 0, data.Length);
        s.Write(len);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        s.Write(typed);
        var crc = new byte[4];
        WriteBigEndian(crc, 0, (int)Crc32(typed));
        s.Write(crc);
    }

    static void WriteBigEndian(byte[] buffer, int offset, int value) =>
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(offset), value);

    static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
