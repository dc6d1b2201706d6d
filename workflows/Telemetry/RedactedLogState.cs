using System.Collections;

namespace Trygghetsuppfoljning.Workflows.Telemetry;

/// <summary>A log entry's structured fields and message after <see cref="TokenRedaction"/>: what every logger provider receives.</summary>
internal sealed class RedactedLogState(IReadOnlyList<KeyValuePair<string, object?>> fields, string message) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public string Message { get; } = message;

    public int Count => fields.Count;

    public KeyValuePair<string, object?> this[int index] => fields[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Message;

    public static IReadOnlyList<KeyValuePair<string, object?>> RedactFields(object? state) =>
        state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.Select(p => new KeyValuePair<string, object?>(p.Key, TokenRedaction.Redact(p.Value))).ToList()
            : [];
}
