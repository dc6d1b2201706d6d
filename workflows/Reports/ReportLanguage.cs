using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Trygghetsuppfoljning.Workflows.Reports;

/// <summary>
/// Marks the document's text as the report's language (e.g. en-GB), so Word and LibreOffice spell-check an English
/// report as English rather than flagging every word against the template's Swedish.
/// </summary>
internal static class ReportLanguage
{
    public static void Apply(MainDocumentPart main, string cultureName)
    {
        var part = main.StyleDefinitionsPart;
        if (part?.Styles is not { } styles)
        {
            return;
        }

        var defaults = styles.DocDefaults ??= new DocDefaults();
        var runDefaults = defaults.RunPropertiesDefault ??= new RunPropertiesDefault();
        var baseStyle = runDefaults.RunPropertiesBaseStyle ??= new RunPropertiesBaseStyle();
        baseStyle.Languages = new Languages { Val = cultureName };

        // A style naming its own language would override the default for every paragraph using it.
        foreach (var style in styles.Elements<Style>())
        {
            if (style.StyleRunProperties?.Languages is { } languages)
            {
                languages.Val = cultureName;
            }
        }

        styles.Save();
    }
}
