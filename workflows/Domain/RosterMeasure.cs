namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>A measure as the cycle took it at start, with its place in the agreement's order.</summary>
public sealed record RosterMeasure(int Order, Measure Measure);
