namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>Computes a cycle's figures from the latest submitted revision of every owner.</summary>
public static class CycleAggregator
{
    public static CycleAggregate Aggregate(Agreement agreement, int year, IReadOnlyCollection<OwnerResponse> latestSubmitted)
    {
        var byOwner = latestSubmitted
            .Where(r => r.Kind == ResponseKind.Submitted)
            .GroupBy(r => r.OwnerId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Revision).First());
        var answers = byOwner.Values
            .SelectMany(r => r.Answers)
            .GroupBy(a => a.MeasureId)
            .ToDictionary(g => g.Key, g => g.Last());

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
                // Only answers from the measure's current owner count: a measure id smuggled into another owner's form is ignored.
                if (!byOwner.ContainsKey(measure.OwnerId) || !answers.TryGetValue(measure.Id, out var answer) || answer.Status is not { } status)
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

        var missing = owners.Where(o => !byOwner.ContainsKey(o.Id)).Select(o => o.Id).ToList();
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
