using System.Diagnostics;
using System.Text.RegularExpressions;
using Trygghetsuppfoljning.Workflows.Forms;

namespace Trygghetsuppfoljning.LoadBench;

/// <summary>
/// An owner's browser, shared by many owners: GET the form (keeping its anti-forgery value, valid for hours), POST the
/// fields as application/x-www-form-urlencoded. Loopback only; one connection pool for all.
/// </summary>
public sealed partial class FormAgent : IDisposable
{
    readonly HttpClient http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    public HttpClient Http => http;

    /// <summary>The form page's anti-forgery value, or null when the page did not come (status other than 200).</summary>
    public async Task<string?> OpenAsync(string link, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(link, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var match = AntiforgeryPattern().Match(await response.Content.ReadAsStringAsync(cancellationToken));
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>POSTs the fields with the anti-forgery value first; the status and the time to the last byte of the page.</summary>
    public async Task<(int Status, double Milliseconds)> SubmitAsync(string link, string antiforgery, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var content = new FormUrlEncodedContent(fields.Prepend(new(FormFields.Antiforgery, antiforgery)));
        using var response = await http.PostAsync(link, content, cancellationToken);
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return ((int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>GET then POST: what one owner does to answer.</summary>
    public async Task<int> AnswerAsync(string link, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        var antiforgery = await OpenAsync(link, cancellationToken);
        return antiforgery is null ? 0 : (await SubmitAsync(link, antiforgery, fields, cancellationToken)).Status;
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex(@"name=""__af"" value=""([^""]+)""")]
    private static partial Regex AntiforgeryPattern();
}
