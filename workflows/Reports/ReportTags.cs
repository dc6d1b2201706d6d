namespace Trygghetsuppfoljning.Workflows.Reports;

/// <summary>
/// The content-control tags (w:sdt/w:sdtPr/w:tag) the generator looks for in templates/report/rapport.docx.
/// They are the whole contract between a municipality's template and the code: styles, cover, header, footer and
/// logo are the template's own business.
/// </summary>
public static class ReportTags
{
    // Fields: a content control whose text is replaced; allowed in the body, headers and footers.
    public const string Municipality = "Municipality";
    public const string PoliceArea = "PoliceArea";
    public const string AgreementTitle = "AgreementTitle";
    public const string ReportTitle = "ReportTitle";
    public const string ReportSubtitle = "ReportSubtitle";
    public const string ReportDate = "ReportDate";
    public const string PreparedFor = "PreparedFor";

    // Sections: a block content control in the body that is replaced by generated paragraphs and tables.
    public const string TableOfContents = "TableOfContents";
    public const string Summary = "Summary";
    public const string StatusChart = "StatusChart";
    public const string FocusAreas = "FocusAreas";
    public const string MissingAnswers = "MissingAnswers";
    public const string Revision = "Revision";
    public const string Appendix = "Appendix";

    public static readonly IReadOnlyList<string> Fields = [Municipality, PoliceArea, AgreementTitle, ReportTitle, ReportSubtitle, ReportDate, PreparedFor];

    /// <summary>Every section must appear once in the template; a template without one is rejected, naming it.</summary>
    public static readonly IReadOnlyList<string> Sections = [TableOfContents, Summary, StatusChart, FocusAreas, MissingAnswers, Revision, Appendix];

    /// <summary>Style ids the generated content uses; a template should define them (Word falls back to Normal otherwise).</summary>
    public static readonly IReadOnlyList<string> Styles = ["Heading1", "Heading2", "Heading3", "TOCHeading", "ReportTable", "Caption", "KeyFigure"];
}
