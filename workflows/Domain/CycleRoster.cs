namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>
/// What a cycle was given at its start: the agreement's header and, per owner, the measures they answer, with
/// indicators (baseline, target, direction) as they were. Re-importing the agreement or replacing an owner in
/// another cycle never changes it; within the cycle only an explicit, audited replacement does.
/// </summary>
public sealed record CycleRoster(Agreement Header, IReadOnlyList<RosterOwner> Owners)
{
    /// <summary>Takes the snapshot: every owner who answers at least one measure, measures in agreement order.</summary>
    public static CycleRoster Snapshot(Agreement agreement)
    {
        // Grouped once (agreement order kept within each owner): a scan of all measures per owner was O(owners × measures).
        var byOwner = agreement.Measures.Select((m, i) => new RosterMeasure(i, m)).ToLookup(x => x.Measure.OwnerId, StringComparer.Ordinal);
        var owners = agreement.AnsweringOwners()
            .Select(o => new RosterOwner(o, byOwner[o.Id].ToList()))
            .ToList();
        return new CycleRoster(HeaderOf(agreement), owners);
    }

    /// <summary>The agreement without its measures and owners: what every cycle step may read whole.</summary>
    public static Agreement HeaderOf(Agreement agreement) => agreement with { Measures = [], Owners = [] };

    public IEnumerable<RosterOwner> ActiveOwners => Owners.Where(o => o.IsActive).OrderBy(o => o.Owner.Id, StringComparer.Ordinal);

    /// <summary>
    /// The agreement as this cycle sees it: its header with the active owners' measures in their original order, each
    /// owned by whoever answers it now. Replaced owners are listed too (after the active ones) so their names resolve.
    /// </summary>
    public Agreement ToAgreement()
    {
        var measures = ActiveOwners
            .SelectMany(o => o.Measures.Select(m => (m.Order, Measure: m.Measure with { OwnerId = o.Owner.Id })))
            .OrderBy(x => x.Order)
            .Select(x => x.Measure)
            .ToList();
        var owners = ActiveOwners.Select(o => o.Owner)
            .Concat(Owners.Where(o => !o.IsActive).Select(o => o.Owner))
            .GroupBy(o => o.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .ToList();
        return Header with { Measures = measures, Owners = owners };
    }

    public RosterOwner? Find(string ownerId) => Owners.FirstOrDefault(o => o.Owner.Id == ownerId);
}
