using System.Net;
using System.Text.RegularExpressions;
using Trygghetsuppfoljning.Local.Engine;

namespace Trygghetsuppfoljning.IntegrationTests.Desk;

/// <summary>The desk as a browser without JavaScript uses it: cookies kept, redirects not followed, each POST with the page's anti-forgery value.</summary>
public sealed partial class DeskClient : IDisposable
{
    readonly HttpClientHandler handler = new() { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
    readonly HttpClient http;

    public DeskClient(string baseUrl, string? principalHeader = null)
    {
        http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        if (principalHeader is not null)
        {
            http.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL", principalHeader);
        }
    }

    public IReadOnlyList<string> LastSetCookies { get; private set; } = [];

    /// <summary>Follows a sign-in link: GET shows the button, POST redeems the token for the session cookie.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string link)
    {
        var token = new Uri(link).Query.Split("token=")[1];
        using var page = await http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var response = await http.PostAsync("/desk/signin", new FormUrlEncodedContent([new("token", token)]));
        LastSetCookies = response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.ToList() : [];
        return response;
    }

    public async Task<(int Status, string Html)> GetAsync(string path)
    {
        using var response = await http.GetAsync(path);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>POSTs fields; with <paramref name="antiforgeryFrom"/>, first GETs that page and sends its anti-forgery value along.</summary>
    public async Task<(int Status, string Html)> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string? antiforgeryFrom = "/desk")
    {
        var all = fields.ToList();
        if (antiforgeryFrom is not null)
        {
            all.Insert(0, new("__af", AntiforgeryIn((await GetAsync(antiforgeryFrom)).Html)));
        }

        using var response = await http.PostAsync(path, new FormUrlEncodedContent(all));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<(int Status, string Html)> UploadAsync(string path, string fileName, byte[] content, string? antiforgery)
    {
        using var body = new MultipartFormDataContent();
        if (antiforgery is not null)
        {
            body.Add(new StringContent(antiforgery), "__af");
        }

        body.Add(new ByteArrayContent(content), "file", fileName);
        using var response = await http.PostAsync(path, body);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static string AntiforgeryIn(string html) => AntiforgeryPattern().Match(html).Groups[1].Value;

    public static string SignInLinkOf(LocalEngine engine, string name = "Test Samordnare") => engine.SignInLink(name);

    public void Dispose()
    {
        http.Dispose();
        handler.Dispose();
    }

    [GeneratedRegex(@"name=""__af"" value=""([^""]+)""")]
    private static partial Regex AntiforgeryPattern();
}
