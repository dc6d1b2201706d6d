namespace Trygghetsuppfoljning.Workflows.Import;

/// <summary>One problem in an imported file, where the coordinator can find it: a line (JSON) or row (roster).</summary>
public sealed record ImportError(string? Sheet, int? Line, string Message)
{
    public override string ToString() => (Sheet, Line) switch
    {
        (null, null) => Message,
        (null, { } line) => $"Rad {line}: {Message}",
        ({ } sheet, null) => $"{sheet}: {Message}",
        ({ } sheet, { } line) => $"{sheet} rad {line}: {Message}",
    };
}
