using Microsoft.Extensions.Logging;

namespace Trygghetsuppfoljning.Workflows.Telemetry;

/// <summary>
/// Wraps the host's logger factory, so every logger (ASP.NET Core hosting, HttpClient, Durable Task, ours) and every
/// provider behind it (console, Functions host, OpenTelemetry, a test's capture) only ever sees redacted entries.
/// </summary>
internal sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void Dispose() => inner.Dispose();
}
