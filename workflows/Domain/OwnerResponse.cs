namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>One saved revision of an owner's answers for all of their measures. Revisions are never overwritten.</summary>
public sealed record OwnerResponse(
    string CycleId,
    string OwnerId,
    int Revision,
    ResponseKind Kind,
    DateTimeOffset SavedUtc,
    IReadOnlyList<MeasureAnswer> Answers);
