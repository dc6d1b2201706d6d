using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Reports;

namespace Trygghetsuppfoljning.Workflows.Citizens;

/// <summary>
/// Turns a closed cycle's report data into the citizens' summary. It copies nothing an owner typed except
/// <see cref="MeasureAnswer.PublicNote"/>, and nothing about owners at all: the privacy of the public page rests here.
/// </summary>
public static class CitizenSummaryBuilder
{
    public static CitizenSummary Build(ReportData data, IReadOnlyList<EffectFigure> effects, DateOnly approvedOn)
    {
        var agreement = data.Agreement;
        var year = data.Cycle.Year;
        var status = data.Current.StatusByMeasure;
        var notes = data.Outcomes
            .Where(o => !string.IsNullOrWhiteSpace(o.Answer?.PublicNote))
            .ToDictionary(o => o.Measure.Id, o => o.Answer!.PublicNote!.Trim(), StringComparer.Ordinal);

        var promises = agreement.PromiseList.Select(p =>
        {
            var a = PromiseAssessment.For(p, status);
            return new CitizenPromiseSummary(
                p.Text, a.Verdict, a.Measures, a.Completed, a.OnTrack, p.MeasureIds.Where(notes.ContainsKey).Select(id => notes[id]).Distinct(StringComparer.Ordinal).ToList());
        }).ToList();
        var inPromises = agreement.PromiseList.SelectMany(p => p.MeasureIds).ToHashSet(StringComparer.Ordinal);

        var series = IndicatorSeries.For(agreement, year, data.Current, data.History, effects);
        var figures = series
            .Where(s => s.Indicator.Kind == IndicatorKind.Produktion && s.Current(year) is not null)
            .Select(s => new CitizenFigure(s.Indicator.Name, s.Current(year)!.Value, s.Indicator.Unit, s.Indicator.Target))
            .ToList();
        var effectRows = series
            .Where(s => s.Indicator.Kind == IndicatorKind.Effekt && s.Current(year) is not null)
            .Select(s =>
            {
                var previous = s.Values.Where(v => v.Year < year).OrderByDescending(v => v.Year).FirstOrDefault();
                var hasPrevious = s.Values.Any(v => v.Year < year);
                return new CitizenEffect(
                    s.Indicator.Name, s.Indicator.Unit, s.Current(year)!.Value, s.Previous(year), hasPrevious ? previous.Year : null, s.TrendFor(year),
                    s.Source?.Source, s.Source?.SourceDate);
            })
            .ToList();

        var continuing = agreement.Measures
            .Where(m => !status.TryGetValue(m.Id, out var s) || s is not (MeasureStatus.Completed or MeasureStatus.Cancelled))
            .Select(m => m.Title)
            .ToList();

        return new CitizenSummary(
            agreement.Id,
            year,
            agreement.Municipality,
            agreement.PoliceArea,
            approvedOn,
            agreement.Measures.Count,
            agreement.Measures.Count(m => status.TryGetValue(m.Id, out var s) && s == MeasureStatus.Completed),
            agreement.Measures.Count(m => status.TryGetValue(m.Id, out var s) && s == MeasureStatus.OnTrack),
            promises,
            figures,
            effectRows,
            continuing,
            agreement.Measures.Where(m => !inPromises.Contains(m.Id) && notes.ContainsKey(m.Id)).Select(m => notes[m.Id]).ToList());
    }
}
