namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>
/// One person in a cycle's roster and the measures they answer (or answered, if replaced). The unit every owner step
/// reads: one keyed row, whatever the size of the agreement.
/// </summary>
public sealed record RosterOwner(
    Owner Owner,
    IReadOnlyList<RosterMeasure> Measures,
    RosterOwnerState State = RosterOwnerState.Active,
    string? ReplacedBy = null,
    DateTimeOffset? ChangedUtc = null)
{
    public bool IsActive => State == RosterOwnerState.Active;

    /// <summary>The agreement as this owner's steps need it: the header, this owner and their measures only.</summary>
    public Agreement ScopedAgreement(Agreement header) =>
        header with
        {
            Owners = [Owner],
            Measures = Measures.OrderBy(m => m.Order).Select(m => m.Measure with { OwnerId = Owner.Id }).ToList(),
        };
}
