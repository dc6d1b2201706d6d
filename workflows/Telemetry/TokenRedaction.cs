using System.Text.RegularExpressions;

namespace Trygghetsuppfoljning.Workflows.Telemetry;

/// <summary>
/// An owner's link is <c>/forms/{token}</c> and the token is their credential: whatever text leaves the process (log
/// lines, their structured fields, span tags) has that path segment replaced first.
/// </summary>
public static partial class TokenRedaction
{
    public const string Placeholder = "[redacted]";

    /// <summary>Cheap pre-check: most text never contains a form path.</summary>
    public static bool MayContainToken(string? text) => text is not null && text.Contains("forms/", StringComparison.OrdinalIgnoreCase);

    public static string? Redact(string? text) => MayContainToken(text) ? FormPath().Replace(text!, "$1" + Placeholder) : text;

    public static object? Redact(object? value) => value switch
    {
        string s => Redact(s),
        Uri u => MayContainToken(u.OriginalString) ? Redact(u.OriginalString) : u,
        _ when value is not null && value.GetType().IsPrimitive => value,
        null => null,
        _ => MayContainToken(value.ToString()) ? Redact(value.ToString()) : value,
    };

    // "forms/" then the segment up to the next separator; matches a path, a full URL and a route value alike.
    [GeneratedRegex(@"(forms/)(?!\{token\})[^/?#\s""'<>&]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FormPath();
}
