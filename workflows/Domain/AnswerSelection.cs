namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>
/// Which submitted answer counts for each measure of a cycle: the newest one given by someone the roster names for
/// that measure — its owner now, or an owner replaced mid-cycle. A measure id smuggled into another owner's form
/// counts for nothing.
/// </summary>
public static class AnswerSelection
{
    public static IReadOnlyList<FinalAnswer> Select(CycleRoster roster, IEnumerable<OwnerResponse> latestSubmitted)
    {
        var entitled = roster.Owners
            .SelectMany(o => o.Measures.Select(m => (OwnerId: o.Owner.Id, MeasureId: m.Measure.Id)))
            .ToHashSet();
        return latestSubmitted
            .Where(r => r.Kind == ResponseKind.Submitted)
            .GroupBy(r => r.OwnerId, StringComparer.Ordinal)
            .Select(g => g.MaxBy(r => r.Revision)!)
            .SelectMany(r => r.Answers
                .Where(a => entitled.Contains((r.OwnerId, a.MeasureId)))
                .Select(a => new FinalAnswer(a.MeasureId, r.OwnerId, r.SavedUtc, a)))
            .GroupBy(a => a.MeasureId, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(a => a.SavedUtc).ThenBy(a => a.OwnerId, StringComparer.Ordinal).First())
            .OrderBy(a => a.MeasureId, StringComparer.Ordinal)
            .ToList();
    }
}
