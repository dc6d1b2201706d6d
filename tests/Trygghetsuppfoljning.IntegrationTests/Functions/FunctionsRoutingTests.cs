using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Trygghetsuppfoljning.IntegrationTests.Functions;

/// <summary>
/// Requests the Functions host must not hand to any function. The host routes HTTP triggers by the route templates and
/// methods of functions.metadata (emitted by the Worker SDK, routePrefix "" from host.json) with ASP.NET Core routing
/// and an HTTP-method constraint per route; here the same table is served by that routing on Kestrel, each route
/// answering with its function's name, so a wrong path or method reaches nothing (and so changes nothing).
/// </summary>
public sealed class FunctionsRoutingTests : IAsyncLifetime
{
    static readonly string[] Routed =
    [
        "POST api/cycles -> StartCycle",
        "GET api/cycles/hoganas/2025 -> GetCycleStatus",
        "POST api/cycles/hoganas/2025/extend -> ExtendDeadline",
        "POST api/cycles/hoganas/2025/close -> CloseCycle",
        "POST api/cycles/hoganas/2025/owners/o-1/resend -> ResendOwnerLink",
        "POST api/cycles/hoganas/2025/owners/o-1/replace -> ReplaceOwner",
        "POST api/cycles/hoganas/2025/resume -> ResumeCycle",
        "POST api/cycles/hoganas/2025/reopen -> ReopenOwners",
        "POST api/cycles/hoganas/2025/reopen/close -> CloseReturnRound",
        "GET api/cycles/hoganas/2025/report -> DownloadReport",
        "POST api/cycles/hoganas/2025/decision -> RecordSteeringDecision",
        "GET api/cycles/hoganas/2025/effects -> ListEffectFigures",
        "POST api/cycles/hoganas/2025/effects -> RecordEffectFigure",
        "POST api/agreements -> ImportAgreement",
        "POST api/agreements/hoganas/history -> ImportHistory",
        "POST api/migrate -> MigrateStorage",
        "POST api/retention/purge -> PurgePersonalData",
        "GET forms/abc123 -> ShowForm",
        "POST forms/abc123 -> SubmitForm",
        "GET public/hoganas -> ShowPublicIndex",
        "GET public/hoganas/2025 -> ShowPublicSummary",
        "GET public/hoganas/2025/docx -> DownloadPublicSummary",
        "GET desk -> ServeDesk",
        "POST desk/cycles/hoganas -> ServeDesk",
    ];

    static readonly string[] Unrouted =
    [
        "GET api/cycles", "DELETE api/cycles/hoganas/2025", "PUT api/cycles/hoganas/2025/extend", "GET api/cycles/hoganas/2025/close",
        "GET api/cycles/hoganas/tjugo", "POST api/cycles/hoganas/2025/extend/igen", "POST api/cycles/hoganas/2025/owners/o-1/delete",
        "POST api/cycles/hoganas/2025/owners/o-1", "GET api/agreements", "GET api/migrate", "POST api/cycle", "POST cycles",
        "GET forms", "GET forms/", "GET forms/abc123/extra", "PUT forms/abc123", "DELETE forms/abc123",
        "POST public/hoganas", "GET public/hoganas/tjugo", "PATCH desk/cycles", "GET api/forms/abc123", "GET",
    ];

    readonly List<string> invoked = [];
    WebApplication? app;
    Uri? address;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddRouting();
        app = builder.Build();
        app.UseRouter(routes =>
        {
            foreach (var (name, methods, route) in HttpTriggers())
            {
                foreach (var method in methods)
                {
                    routes.MapVerb(method.ToUpperInvariant(), route, context =>
                    {
                        lock (invoked)
                        {
                            invoked.Add(name);
                        }

                        return context.Response.WriteAsync(name);
                    });
                }
            }
        });
        await app.StartAsync();
        address = new Uri(app.Urls.First() + "/");
    }

    [Fact]
    public async Task Every_http_function_is_reached_by_its_own_route_and_method_and_by_no_other()
    {
        var functions = HttpTriggers().Select(t => t.Name).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(functions, Routed.Select(r => r.Split(" -> ")[1]).Distinct().Order(StringComparer.Ordinal).ToList());
        using var client = new HttpClient { BaseAddress = address };
        foreach (var line in Routed)
        {
            var (method, path) = Split(line.Split(" -> ")[0]);
            invoked.Clear();
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{line}: {(int)response.StatusCode}");
            Assert.Equal([line.Split(" -> ")[1]], invoked);
        }
    }

    [Fact]
    public async Task A_wrong_path_or_method_reaches_no_function_and_is_answered_not_found_or_method_not_allowed()
    {
        using var client = new HttpClient { BaseAddress = address };
        foreach (var line in Unrouted)
        {
            var (method, path) = Split(line);
            invoked.Clear();
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{line}: {(int)response.StatusCode}");
            Assert.True(invoked.Count == 0, $"{line} reached {string.Join(", ", invoked)}");
        }
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    static (string Method, string Path) Split(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (line, string.Empty) : (line[..space], line[(space + 1)..]);
    }

    /// <summary>The HTTP triggers as the host reads them: functions.metadata next to the built Functions app.</summary>
    static List<(string Name, string[] Methods, string Route)> HttpTriggers()
    {
        var metadata = Directory.GetFiles(Path.Combine(Local.RepositoryPaths.Root, "bin"), "functions.metadata", SearchOption.AllDirectories)
            .OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
        Assert.True(metadata is not null, "functions.metadata is missing: build Trygghetsuppfoljning.Functions.csproj.");
        using var document = JsonDocument.Parse(File.ReadAllText(metadata));
        return document.RootElement.EnumerateArray()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray()
                .Where(b => b.GetProperty("type").GetString() == "httpTrigger")
                .Select(b => (
                    Name: f.GetProperty("name").GetString()!,
                    Methods: b.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!).ToArray(),
                    Route: b.GetProperty("route").GetString()!)))
            .ToList();
    }
}
