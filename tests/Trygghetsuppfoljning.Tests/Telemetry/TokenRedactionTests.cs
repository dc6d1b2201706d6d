using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Trygghetsuppfoljning.Workflows.Telemetry;

namespace Trygghetsuppfoljning.Tests.Telemetry;

public sealed class TokenRedactionTests
{
    const string Token = "ltcgF0lrhj8-l10OhRRGoHR1HHFa66b0B9lpJlgbadw";

    [Theory]
    [InlineData("/forms/" + Token, "/forms/[redacted]")]
    [InlineData("GET http://127.0.0.1:7071/forms/" + Token + "?lang=en - -", "GET http://127.0.0.1:7071/forms/[redacted]?lang=en - -")]
    [InlineData("https://trygghet.kommun.example/Forms/" + Token + "#x", "https://trygghet.kommun.example/Forms/[redacted]#x")]
    [InlineData("HTTP: GET /forms/{token}", "HTTP: GET /forms/{token}")]
    [InlineData("/api/cycles/hoganas/2025", "/api/cycles/hoganas/2025")]
    public void Form_paths_lose_their_token_and_other_text_is_untouched(string text, string expected) =>
        Assert.Equal(expected, TokenRedaction.Redact(text));

    [Fact]
    public void Spans_lose_the_token_from_their_name_and_url_tags()
    {
        using var activity = new Activity("GET /forms/" + Token);
        activity.SetTag("url.path", "/forms/" + Token);
        activity.SetTag("url.full", "http://127.0.0.1/forms/" + Token);
        activity.SetTag("http.request.method", "GET");
        using var processor = new RedactingActivityProcessor();
        processor.OnEnd(activity);

        Assert.DoesNotContain(Token, activity.DisplayName, StringComparison.Ordinal);
        Assert.Equal("/forms/[redacted]", activity.GetTagItem("url.path"));
        Assert.Equal("http://127.0.0.1/forms/[redacted]", activity.GetTagItem("url.full"));
        Assert.Equal("GET", activity.GetTagItem("http.request.method"));
    }

    [Fact]
    public void A_logger_behind_the_redacting_factory_sees_neither_message_nor_field_nor_scope_with_the_token()
    {
        var seen = new List<string>();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new ListProvider(seen)));
        services.AddTokenRedaction();
        using var provider = services.BuildServiceProvider();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("test");

        using (logger.BeginScope(new Dictionary<string, object?> { ["RequestPath"] = "/forms/" + Token }))
        {
            logger.LogInformation("Request starting {Path} for agreement {AgreementId}", "/forms/" + Token, "hoganas");
        }

        Assert.NotEmpty(seen);
        Assert.All(seen, line => Assert.DoesNotContain(Token, line, StringComparison.Ordinal));
        Assert.Contains(seen, line => line.Contains("AgreementId=hoganas", StringComparison.Ordinal));
    }

    sealed class ListProvider(List<string> seen) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(seen);

        public void Dispose()
        {
        }
    }

    sealed class ListLogger(List<string> seen) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            seen.Add("scope " + state + " " + Fields(state));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            seen.Add(formatter(state, exception) + " " + Fields(state));

        static string Fields(object? state) => state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
    }
}
