using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;
using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.IntegrationTests.Resilience;
using Trygghetsuppfoljning.Local.Engine;
using Trygghetsuppfoljning.Workflows.Telemetry;

namespace Trygghetsuppfoljning.IntegrationTests.Forms;

/// <summary>The link token is the owner's credential: with every logger at Debug, it appears in no log line, field or scope.</summary>
[Collection(AzuriteTests.Name)]
public sealed class TokenRedactionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Opening_and_posting_a_form_with_all_logging_at_debug_never_logs_the_token()
    {
        await using var smtp = new SmtpCapture();
        var prefix = TestEngine.NewPrefix();
        var settings = TestEngine.Settings(azurite, smtp, prefix);
        foreach (var category in new[] { "Default", "Microsoft", "Microsoft.AspNetCore", "Microsoft.Hosting", "System.Net.Http", "Microsoft.DurableTask", "DurableTask", "Trygghetsuppfoljning", "Grpc" })
        {
            settings[$"Logging:LogLevel:{category}"] = "Debug";
        }

        var capture = new CapturingLoggerProvider();
        var engine = await LocalEngine.StartAsync(settings, services => services.AddSingleton<ILoggerProvider>(capture));
        string token;
        await using (engine)
        {
            var agreement = await TestEngine.LoadDemoAgreementAsync(engine);
            using var api = new CoordinatorApi(engine.BaseUrl, "test-coordinator-key");
            using (var started = await api.StartAsync(agreement.Id, 2025, DateTimeOffset.UtcNow.AddMinutes(10)))
            {
                Assert.Equal(System.Net.HttpStatusCode.Accepted, started.StatusCode);
            }

            var owner = agreement.Owners.Single(o => o.Id == "anna-berg");
            var invitation = (await smtp.WaitForAsync(m => m.Any(x => x.To.Mailboxes.Single().Address == owner.Email), TimeSpan.FromSeconds(30)))
                .First(x => x.To.Mailboxes.Single().Address == owner.Email);
            var link = FormClient.LinkIn(invitation);
            token = link[(link.LastIndexOf('/') + 1)..];
            Assert.True(token.Length >= 16, link);

            using var form = new FormClient();
            Assert.Equal(200, (await form.GetAsync(link)).Status);
            Assert.Equal(200, (await form.GetAsync(link + "?lang=en")).Status);
            Assert.Equal(200, (await form.PostAsync(link, Answers.For(agreement, owner.Id))).Status);
            await smtp.WaitForAsync(m => m.Any(x => x.Headers["X-Trygghet-Kind"] == "receipt"), TimeSpan.FromSeconds(30));
        }

        var lines = capture.Lines.ToList();

        var leaks = lines.Where(l => l.Contains(token, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} log entries carry the token, e.g.: {leaks.FirstOrDefault()}");

        // The requests were logged (the hosting layer logs each one) — only without the token.
        Assert.Contains(lines, l => l.Contains("forms/" + TokenRedaction.Placeholder, StringComparison.Ordinal));
    }

    /// <summary>Records each entry's category, message, every structured field, exception and active scopes.</summary>
    sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        IExternalScopeProvider? scopes;

        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

        public void Dispose()
        {
        }

        sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => owner.scopes?.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var line = new StringBuilder($"{logLevel} {category}: {formatter(state, exception)}");
                Append(line, state);
                owner.scopes?.ForEachScope((scope, sb) => { sb.Append(" scope: ").Append(scope); Append(sb, scope); }, line);
                line.Append(' ').Append(exception);
                owner.Lines.Enqueue(line.ToString());
            }

            static void Append(StringBuilder line, object? state)
            {
                if (state is IEnumerable<KeyValuePair<string, object?>> fields)
                {
                    foreach (var (key, value) in fields)
                    {
                        line.Append(" | ").Append(key).Append('=').Append(value);
                    }
                }
            }
        }
    }
}
