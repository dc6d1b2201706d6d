namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>
/// A document the agreement rests on under Lag (2023:196): the municipality's lägesbild or the åtgärdsplan decided
/// from it. Title and date are required when the reference is given; the link is optional.
/// </summary>
public sealed record DocumentReference(string Title, DateOnly? Date = null, string? Link = null);
