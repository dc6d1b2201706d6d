using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Trygghetsuppfoljning.Workflows.Coordination;

namespace Trygghetsuppfoljning.IntegrationTests.Resilience;

/// <summary>The coordinator API over HTTP, as the CLI and a coordinator's tools use it.</summary>
public sealed class CoordinatorApi : IDisposable
{
    readonly HttpClient http;

    public CoordinatorApi(string baseUrl, string? apiKey)
    {
        http = new HttpClient { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Add(CoordinatorOptions.HeaderName, apiKey);
        }
    }

    public HttpClient Http => http;

    public Task<HttpResponseMessage> StartAsync(string agreementId, int year, DateTimeOffset? deadlineUtc) =>
        http.PostAsJsonAsync("api/cycles", new { agreementId, year, deadlineUtc });

    public Task<HttpResponseMessage> CloseAsync(string agreementId, int year) => http.PostAsync($"api/cycles/{agreementId}/{year}/close", null);

    public async Task<JsonElement?> StatusAsync(string agreementId, int year)
    {
        using var response = await http.GetAsync($"api/cycles/{agreementId}/{year}");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : null;
    }

    /// <summary>Polls the status until the cycle's orchestration has completed; tolerates a host that is briefly down.</summary>
    public async Task<JsonElement> WaitForRuntimeStatusAsync(string agreementId, int year, string runtimeStatus, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        string? last = null;
        while (DateTime.UtcNow < until)
        {
            try
            {
                if (await StatusAsync(agreementId, year) is { } status)
                {
                    last = status.GetProperty("runtimeStatus").GetString();
                    if (last == runtimeStatus)
                    {
                        return status;
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"Cycle {agreementId} {year} did not reach {runtimeStatus} within {timeout}; last seen {last ?? "nothing"}.");
    }

    public async Task<byte[]> ReportAsync(string agreementId, int year, bool regenerate = false, string language = "sv")
    {
        using var response = await http.GetAsync($"api/cycles/{agreementId}/{year}/report?regenerate={(regenerate ? "true" : "false")}&lang={language}");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    public static string TextOf(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return document.MainDocumentPart!.Document!.Body!.InnerText;
    }

    public void Dispose() => http.Dispose();
}
