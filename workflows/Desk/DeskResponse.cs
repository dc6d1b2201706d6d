namespace Trygghetsuppfoljning.Workflows.Desk;

/// <summary>What a host sends back for a desk request: a page, a file download or a redirect, plus cookies to set.</summary>
public sealed record DeskResponse(
    int StatusCode,
    string? Html = null,
    byte[]? File = null,
    string? FileName = null,
    string? Location = null,
    IReadOnlyList<string>? SetCookies = null)
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>No caching (pages show names and answers), no referrer, no scripts at all, no framing.</summary>
    public static readonly IReadOnlyDictionary<string, string> SecurityHeaders = new Dictionary<string, string>
    {
        ["Cache-Control"] = "no-store",
        ["Referrer-Policy"] = "no-referrer",
        ["X-Content-Type-Options"] = "nosniff",
        ["X-Frame-Options"] = "DENY",
        ["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    };

    public string ContentType => File is null ? "text/html; charset=utf-8" : DocxContentType;
}
