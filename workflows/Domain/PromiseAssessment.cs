namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>
/// A promise judged from its measures' statuses, with the counts that are the reasoning. A measure done
/// (Genomförd) or on track (Pågår enligt plan) keeps its part of the promise; delayed, not started, cancelled or
/// unanswered does not. All parts kept → kept; none → not kept; otherwise partly kept.
/// </summary>
public sealed record PromiseAssessment(
    CitizenPromiseItem Promise,
    PromiseVerdict Verdict,
    int Measures,
    int Completed,
    int OnTrack,
    int Delayed,
    int NotStarted,
    int Cancelled,
    int Unanswered)
{
    public int Kept => Completed + OnTrack;

    public static PromiseAssessment For(CitizenPromiseItem promise, IReadOnlyDictionary<string, MeasureStatus> statusByMeasure)
    {
        var statuses = promise.MeasureIds.Distinct(StringComparer.Ordinal).Select(id => statusByMeasure.TryGetValue(id, out var s) ? s : (MeasureStatus?)null).ToList();
        int Count(MeasureStatus s) => statuses.Count(x => x == s);
        var completed = Count(MeasureStatus.Completed);
        var onTrack = Count(MeasureStatus.OnTrack);
        var kept = completed + onTrack;
        var verdict = statuses.Count > 0 && kept == statuses.Count ? PromiseVerdict.Kept : kept == 0 ? PromiseVerdict.NotKept : PromiseVerdict.PartlyKept;
        return new PromiseAssessment(
            promise, verdict, statuses.Count, completed, onTrack, Count(MeasureStatus.Delayed), Count(MeasureStatus.NotStarted), Count(MeasureStatus.Cancelled),
            statuses.Count(x => x is null));
    }
}
