namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>How an indicator moved against the previous figure, read with its direction (fewer injuries is better).</summary>
public enum Trend
{
    Better,
    Worse,
    Unchanged,
    Unknown,
}
