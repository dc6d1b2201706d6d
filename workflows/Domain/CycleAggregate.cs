namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>
/// The figures of one closed cycle. These contain no personal data or free text, so they are kept for trends
/// after the purge (gallring) removes answers.
/// </summary>
public sealed record CycleAggregate(
    string AgreementId,
    int Year,
    int OwnersTotal,
    int OwnersAnswered,
    int MeasuresTotal,
    int MeasuresAnswered,
    int RedLights,
    IReadOnlyDictionary<string, IReadOnlyDictionary<MeasureStatus, int>> StatusCountsByFocusArea,
    IReadOnlyDictionary<string, MeasureStatus> StatusByMeasure,
    IReadOnlyDictionary<string, TrafficLight> LightByMeasure,
    IReadOnlyDictionary<string, decimal> IndicatorValues,
    IReadOnlyList<string> MissingOwnerIds)
{
    /// <summary>Share of answering owners who submitted, 0–1.</summary>
    public double ResponseRate => OwnersTotal == 0 ? 0 : (double)OwnersAnswered / OwnersTotal;

    public static string IndicatorKey(string measureId, string indicatorId) => $"{measureId}/{indicatorId}";

    public int CountWithStatus(MeasureStatus status) => StatusByMeasure.Values.Count(s => s == status);
}
