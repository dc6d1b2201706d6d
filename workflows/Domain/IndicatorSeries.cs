namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>
/// One indicator's figures year by year (earlier cycles' aggregates, then this cycle's value) with the lägesbild's
/// baseline, and the trend of the latest figure against the one before it (or the baseline when it is the first).
/// </summary>
public sealed record IndicatorSeries(Measure Measure, Indicator Indicator, IReadOnlyList<(int Year, decimal Value)> Values, EffectFigure? Source)
{
    public decimal? Current(int year) => Values.Where(v => v.Year == year).Select(v => (decimal?)v.Value).FirstOrDefault();

    public decimal? Previous(int year) =>
        Values.Where(v => v.Year < year).OrderByDescending(v => v.Year).Select(v => (decimal?)v.Value).FirstOrDefault() ?? Indicator.Baseline;

    public Trend TrendFor(int year)
    {
        if (Current(year) is not { } now || Previous(year) is not { } before)
        {
            return Trend.Unknown;
        }

        if (now == before)
        {
            return Trend.Unchanged;
        }

        return (now > before) == (Indicator.Direction == IndicatorDirection.HigherIsBetter) ? Trend.Better : Trend.Worse;
    }

    /// <summary>Every indicator of the agreement, its value this year from the effect figures (effect kind) or the owners' answers.</summary>
    public static IReadOnlyList<IndicatorSeries> For(Agreement agreement, int year, CycleAggregate current, IReadOnlyList<CycleAggregate> earlier, IReadOnlyList<EffectFigure> effects)
    {
        var result = new List<IndicatorSeries>();
        foreach (var m in agreement.Measures)
        {
            foreach (var i in m.Indicators)
            {
                var key = CycleAggregate.IndicatorKey(m.Id, i.Id);
                var values = earlier.Where(a => a.Year < year).OrderBy(a => a.Year)
                    .Where(a => a.IndicatorValues.ContainsKey(key)).Select(a => (a.Year, a.IndicatorValues[key])).ToList();
                var figure = effects.FirstOrDefault(e => e.MeasureId == m.Id && e.IndicatorId == i.Id);
                if (figure is not null)
                {
                    values.Add((year, figure.Value));
                }
                else if (current.IndicatorValues.TryGetValue(key, out var v))
                {
                    values.Add((year, v));
                }

                result.Add(new IndicatorSeries(m, i, values, figure));
            }
        }

        return result;
    }
}
