namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>Computes a cycle's figures from its roster and the latest submitted revision of every owner.</summary>
public static class CycleAggregator
{
    /// <summary>For an agreement without a stored roster (tests, previews): the roster it would get today.</summary>
    public static CycleAggregate Aggregate(Agreement agreement, int year, IReadOnlyCollection<OwnerResponse> latestSubmitted) =>
        Aggregate(CycleRoster.Snapshot(agreement), year, latestSubmitted);

    public static CycleAggregate Aggregate(CycleRoster roster, int year, IReadOnlyCollection<OwnerResponse> latestSubmitted)
    {
        var agreement = roster.ToAgreement();
        var answers = AnswerSelection.Select(roster, latestSubmitted).ToDictionary(a => a.MeasureId, a => a.Answer, StringComparer.Ordinal);
        var submitted = latestSubmitted.Where(r => r.Kind == ResponseKind.Submitted).Select(r => r.OwnerId).ToHashSet(StringComparer.Ordinal);

        var owners = agreement.AnsweringOwners();
        var statusByMeasure = new SortedDictionary<string, MeasureStatus>(StringComparer.Ordinal);
        var lightByMeasure = new SortedDictionary<string, TrafficLight>(StringComparer.Ordinal);
        var indicatorValues = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        var perArea = new SortedDictionary<string, IReadOnlyDictionary<MeasureStatus, int>>(StringComparer.Ordinal);

        foreach (var area in agreement.FocusAreas)
        {
            var counts = Enum.GetValues<MeasureStatus>().ToDictionary(s => s, _ => 0);
            foreach (var measure in agreement.Measures.Where(m => m.FocusAreaId == area.Id))
            {
                if (!answers.TryGetValue(measure.Id, out var answer) || answer.Status is not { } status)
                {
                    continue;
                }

                counts[status]++;
                statusByMeasure[measure.Id] = status;
                if (answer.Light is { } light)
                {
                    lightByMeasure[measure.Id] = light;
                }

                foreach (var indicator in measure.Indicators)
                {
                    if (answer.IndicatorValues.TryGetValue(indicator.Id, out var value) && value is { } v)
                    {
                        indicatorValues[CycleAggregate.IndicatorKey(measure.Id, indicator.Id)] = v;
                    }
                }
            }

            perArea[area.Id] = counts;
        }

        var missing = owners.Where(o => !submitted.Contains(o.Id)).Select(o => o.Id).ToList();
        return new CycleAggregate(
            agreement.Id,
            year,
            owners.Count,
            owners.Count - missing.Count,
            agreement.Measures.Count,
            statusByMeasure.Count,
            lightByMeasure.Values.Count(l => l == TrafficLight.Red),
            perArea,
            statusByMeasure,
            lightByMeasure,
            indicatorValues,
            missing);
    }
}
