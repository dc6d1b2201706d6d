namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>
/// Characters no stored text may hold: control characters (other than line breaks and tabs) and the bidirectional
/// embedding/override/isolate controls (U+202A–202E, U+2066–2069), which would reverse text in the official report.
/// </summary>
public static class UnsafeText
{
    public static bool IsUnsafe(char c) =>
        (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';

    public static bool Contains(string? text) => text is not null && text.Any(IsUnsafe);
}
