using System.Diagnostics;
using System.Text.Json;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace Trygghetsuppfoljning.Tests.Functions;

/// <summary>
/// An owner's link is /forms/{token} and the token is their credential. In Azure the worker's spans and logs go to
/// Application Insights through OpenTelemetry (the app's own set-up, switched on by APPLICATIONINSIGHTS_CONNECTION_STRING);
/// the Functions host's own request logging is held back by host.json. Neither may carry a token.
/// </summary>
public sealed class FunctionsTelemetryTests
{
    const string Token = "q1Zx8PfTqv0W3-4nVbJr2yH7kLm9sD5eGa6uCi0oRtE";

    static readonly string[] QuietLevels = ["Warning", "Error", "Critical", "None"];

    // What Azure gives the app (ingestion to a closed local port: nothing leaves the machine, nothing is awaited).
    static readonly Dictionary<string, string?> Azure = new()
    {
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/",
    };

    // The unreachable ingestion would otherwise leave retry files in the temp folder.
    static void NoOfflineStorage(IServiceCollection services) =>
        services.Configure<AzureMonitorExporterOptions>(o => o.DisableOfflineStorage = true);

    [Fact]
    public void A_request_span_of_the_functions_worker_leaves_its_processors_without_the_token_in_name_or_url_tags()
    {
        using var worker = FunctionsWorker.Build(Azure, NoOfflineStorage);
        var tracing = worker.Services.GetService<TracerProvider>();
        Assert.True(tracing is not null, "The Functions app built no tracer provider with an Application Insights connection string.");

        // A span as ASP.NET Core's hosting emits it for GET /forms/{token}, on the source the app's instrumentation listens to.
        using var source = new ActivitySource("Microsoft.AspNetCore");
        var span = source.StartActivity("Microsoft.AspNetCore.Hosting.HttpRequestIn", ActivityKind.Server);
        Assert.True(span is not null, "The app's tracer provider does not record ASP.NET Core request spans.");
        span.DisplayName = "GET /forms/" + Token;
        span.SetTag("url.path", "/forms/" + Token);
        span.SetTag("url.full", "https://trygghet.kommun.example/forms/" + Token + "?lang=en");
        span.SetTag("http.target", "/forms/" + Token);
        span.SetTag("http.route", "forms/{token}");
        span.SetTag("http.request.method", "GET");
        span.Stop();

        // The processors ran at Stop; every exporter reads this same span afterwards.
        var text = span.DisplayName + " " + string.Join(" ", span.TagObjects.Select(t => $"{t.Key}={t.Value}"));
        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        Assert.Equal("/forms/[redacted]", span.GetTagItem("url.path"));
        Assert.Equal("https://trygghet.kommun.example/forms/[redacted]?lang=en", span.GetTagItem("url.full"));
        Assert.Equal("/forms/[redacted]", span.GetTagItem("http.target"));
        Assert.Equal("forms/{token}", span.GetTagItem("http.route"));
        Assert.Equal("GET", span.GetTagItem("http.request.method"));
    }

    [Fact]
    public void A_log_entry_written_in_the_functions_worker_at_debug_reaches_its_providers_without_the_token()
    {
        var seen = new List<string>();
        using var worker = FunctionsWorker.Build(
            new Dictionary<string, string?>(Azure) { ["Logging:LogLevel:Default"] = "Debug" },
            services =>
            {
                NoOfflineStorage(services);
                services.AddLogging(b => b.AddProvider(new CapturingLoggerProvider(seen)));
            });
        var logger = worker.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics");

        using (logger.BeginScope(new Dictionary<string, object?> { ["RequestPath"] = "/forms/" + Token }))
        {
            logger.LogDebug("Request starting HTTP/1.1 GET {Url} - -", "https://trygghet.kommun.example/forms/" + Token);
            logger.LogInformation("Request reached the end of the middleware pipeline: {Path}", new Uri("https://trygghet.kommun.example/forms/" + Token));
        }

        Assert.Equal(3, seen.Count);
        Assert.All(seen, line => Assert.DoesNotContain(Token, line, StringComparison.Ordinal));
        Assert.Contains(seen, line => line.Contains("/forms/[redacted]", StringComparison.Ordinal));
    }

    [Fact]
    public void The_functions_host_is_told_not_to_log_or_collect_request_urls_itself()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "host.json")));
        var logging = hostJson.RootElement.GetProperty("logging");
        var levels = logging.GetProperty("logLevel");

        // The host's ASP.NET Core front end and its HTTP proxy to the worker log the full URL at Information.
        foreach (var category in new[] { "Microsoft.AspNetCore", "System.Net.Http.HttpClient", "Host.Results" })
        {
            Assert.True(levels.TryGetProperty(category, out var level), $"host.json sets no level for {category}.");
            Assert.Contains(level.GetString(), QuietLevels);
        }

        // Its Application Insights request and dependency collection would record the URL of every form request.
        var insights = logging.GetProperty("applicationInsights");
        Assert.False(insights.GetProperty("enableDependencyTracking").GetBoolean());
        Assert.False(insights.GetProperty("httpAutoCollectionOptions").GetProperty("enableHttpTriggerExtendedInfoCollection").GetBoolean());
    }

    sealed class CapturingLoggerProvider(List<string> seen) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(seen);

        public void Dispose()
        {
        }
    }

    sealed class CapturingLogger(List<string> seen) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            seen.Add($"scope {state} {Fields(state)}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            seen.Add($"{formatter(state, exception)} {Fields(state)}");

        static string Fields(object? state) =>
            state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
    }
}
