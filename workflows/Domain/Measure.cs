namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>A concrete or strategic action under a focus area, owned by exactly one person.</summary>
public sealed record Measure(
    string Id,
    string FocusAreaId,
    string Title,
    string OwnerId,
    IReadOnlyList<Indicator> Indicators,
    string? Description = null);
