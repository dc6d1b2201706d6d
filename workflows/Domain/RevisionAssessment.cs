namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>
/// Whether the agreement is due for revision: once per mandate period, or earlier when a party requests it.
/// </summary>
public sealed record RevisionAssessment(bool Due, RevisionReason Reason, MandatePeriod CurrentPeriod, DateOnly LatestRevision, IReadOnlyList<RevisionRequest> OpenRequests)
{
    public static RevisionAssessment For(Agreement agreement, DateOnly asOf)
    {
        var period = MandatePeriod.Containing(asOf);
        var latest = agreement.LastRevisedOn is { } revised && revised > agreement.SignedOn ? revised : agreement.SignedOn;
        var open = agreement.RevisionRequests.Where(r => r.RequestedOn > latest && r.RequestedOn <= asOf).OrderBy(r => r.RequestedOn).ToList();
        if (open.Count > 0)
        {
            return new RevisionAssessment(true, RevisionReason.RequestedByParty, period, latest, open);
        }

        return period.Contains(latest)
            ? new RevisionAssessment(false, RevisionReason.NotDue, period, latest, open)
            : new RevisionAssessment(true, RevisionReason.NoRevisionInCurrentMandatePeriod, period, latest, open);
    }
}
