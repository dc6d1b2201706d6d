using System.Text.RegularExpressions;
using MimeKit;

namespace Trygghetsuppfoljning.IntegrationTests.Infrastructure;

/// <summary>Uses the form as a browser would: GET the page, keep its anti-forgery value, POST the fields.</summary>
public sealed partial class FormClient : IDisposable
{
    readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(60) };

    public static string LinkIn(MimeMessage message) => LinkPattern().Match(message.HtmlBody ?? message.TextBody ?? string.Empty).Value;

    public static string AntiforgeryIn(string html) => AntiforgeryPattern().Match(html).Groups[1].Value;

    public async Task<(int Status, string Html)> GetAsync(string url)
    {
        using var response = await http.GetAsync(url);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<(int Status, string Html)> PostAsync(string link, IEnumerable<KeyValuePair<string, string>> fields, bool withAntiforgery = true)
    {
        var all = fields.ToList();
        if (withAntiforgery)
        {
            var (_, page) = await GetAsync(link);
            all.Insert(0, new("__af", AntiforgeryIn(page)));
        }

        using var response = await http.PostAsync(link, new FormUrlEncodedContent(all));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<(int Status, string Html)> PostRawAsync(string link, HttpContent content)
    {
        using var response = await http.PostAsync(link, content);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex(@"https?://[^\s""<>]+/forms/[A-Za-z0-9_-]{43}")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"name=""__af"" value=""([^""]+)""")]
    private static partial Regex AntiforgeryPattern();
}
