using System.Net.Http.Json;
using Trygghetsuppfoljning.Workflows.Coordination;

namespace Trygghetsuppfoljning.Local.Cli;

/// <summary>
/// The CLI's verbs other than `serve` are HTTP calls to a running `serve`. Base URL from <c>--url</c> or
/// <c>TRYGGHET_URL</c> (default http://127.0.0.1:7071), key from <c>--key</c>, <c>TRYGGHET_API_KEY</c> or <c>Coordinator__ApiKey</c>.
/// </summary>
public sealed class ApiClient : IDisposable
{
    readonly HttpClient http;

    public ApiClient(string baseUrl, string? apiKey)
    {
        http = new HttpClient { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(2) };
        if (!string.IsNullOrEmpty(apiKey))
        {
            http.DefaultRequestHeaders.Add(CoordinatorOptions.HeaderName, apiKey);
        }
    }

    public static ApiClient FromOptions(CliArguments args) => new(
        args.Option("url") ?? Environment.GetEnvironmentVariable("TRYGGHET_URL") ?? "http://127.0.0.1:7071",
        args.Option("key") ?? Environment.GetEnvironmentVariable("TRYGGHET_API_KEY") ?? Environment.GetEnvironmentVariable("Coordinator__ApiKey"));

    public Task<HttpResponseMessage> PostJsonAsync(string path, object body, CancellationToken cancellationToken = default) =>
        http.PostAsJsonAsync(path, body, cancellationToken);

    public Task<HttpResponseMessage> PostAsync(string path, HttpContent? content = null, CancellationToken cancellationToken = default) =>
        http.PostAsync(path, content, cancellationToken);

    public Task<HttpResponseMessage> GetAsync(string path, CancellationToken cancellationToken = default) => http.GetAsync(path, cancellationToken);

    public void Dispose() => http.Dispose();
}
