namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>A party's request to revise the agreement before the mandate period's regular revision.</summary>
public sealed record RevisionRequest(Organisation Party, DateOnly RequestedOn, string? Reason = null);
