using Microsoft.Extensions.Logging;

namespace Trygghetsuppfoljning.Workflows.Telemetry;

/// <summary>Passes every entry and scope on with form tokens redacted from the message and from each structured field.</summary>
internal sealed class RedactingLogger(ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull
    {
        // ASP.NET Core's request scope carries RequestPath; a scope provider prints it with every line inside the request.
        var text = state.ToString();
        return state is IEnumerable<KeyValuePair<string, object?>> || TokenRedaction.MayContainToken(text)
            ? inner.BeginScope(new RedactedLogState(RedactedLogState.RedactFields(state), TokenRedaction.Redact(text) ?? string.Empty))
            : inner.BeginScope(state);
    }

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        var message = TokenRedaction.Redact(formatter(state, exception)) ?? string.Empty;
        inner.Log(logLevel, eventId, new RedactedLogState(RedactedLogState.RedactFields(state), message), exception, static (s, _) => s.Message);
    }
}
