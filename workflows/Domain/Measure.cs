namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>
/// A concrete or strategic action under a focus area, owned by exactly one person. <see cref="Code"/> is the
/// agreement's own label for it (e.g. "K-01"), shown wherever the measure is named so people can refer to it.
/// </summary>
public sealed record Measure(
    string Id,
    string FocusAreaId,
    string Title,
    string OwnerId,
    IReadOnlyList<Indicator> Indicators,
    string? Description = null,
    string? Code = null)
{
    /// <summary>"K-01 Title", or the title alone when the agreement gives no code.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Label => string.IsNullOrWhiteSpace(Code) ? Title : $"{Code} {Title}";
}
