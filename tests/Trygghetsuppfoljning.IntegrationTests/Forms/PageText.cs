using System.Net;
using System.Text.RegularExpressions;

namespace Trygghetsuppfoljning.IntegrationTests.Forms;

/// <summary>Reads a rendered page as a person would (entities decoded) and checks its links and labels.</summary>
public static partial class PageText
{
    /// <summary>The page's text with HTML entities decoded (the renderer encodes non-ASCII letters too).</summary>
    public static string Of(string html) => WebUtility.HtmlDecode(html);

    /// <summary>The text a reader sees: tags removed, whitespace collapsed, entities decoded (in that order, so typed "&lt;b&gt;" stays).</summary>
    public static string Visible(string html) => WebUtility.HtmlDecode(SpacePattern().Replace(TagPattern().Replace(html, " "), " ")).Replace(" .", ".", StringComparison.Ordinal);

    /// <summary>Every "#id" the error summary links to.</summary>
    public static IReadOnlyList<string> SummaryTargets(string html)
    {
        var summary = SummaryPattern().Match(html);
        return summary.Success ? HrefPattern().Matches(summary.Value).Select(m => m.Groups[1].Value).ToList() : [];
    }

    public static bool HasId(string html, string id) => html.Contains($"id=\"{id}\"", StringComparison.Ordinal);

    /// <summary>Ids of inputs and textareas without a &lt;label for&gt;.</summary>
    public static IReadOnlyList<string> UnlabelledControls(string html) =>
        ControlPattern().Matches(html).Select(m => m.Groups[1].Value).Where(id => !html.Contains($"for=\"{id}\"", StringComparison.Ordinal)).ToList();

    [GeneratedRegex(@"<div class=""error-summary"".*?</div>", RegexOptions.Singleline)]
    private static partial Regex SummaryPattern();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpacePattern();

    [GeneratedRegex(@"href=""#([^""]+)""")]
    private static partial Regex HrefPattern();

    [GeneratedRegex(@"<(?:input(?![^>]*type=""hidden"")|textarea)[^>]*\bid=""([^""]+)""")]
    private static partial Regex ControlPattern();
}
