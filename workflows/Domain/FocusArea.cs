namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>A focus area (fokusområde/insatsområde) of the agreement.</summary>
public sealed record FocusArea(string Id, string Title, string? Description = null);
