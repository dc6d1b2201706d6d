using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Reports;

/// <summary>
/// The report's follow-up chapters (issue 13, Brå's step 5): the steering group's decision, each medborgarlöfte kept /
/// partly / not kept with its reasoning, one section per kind of follow-up (produktion, process, effekt), per focus
/// area what was done, how and what changed against the lägesbild, and the Lag (2023:196) references.
/// </summary>
internal static class ReportFollowUpSections
{
    const int TextWidth = 9412;

    /// <summary>
    /// "Fastställd av styrgruppen 10 februari 2026", or that the decision is still to come; a report revised after a
    /// return round says so ("Reviderad efter återremiss 10 februari 2026"), also once approved.
    /// </summary>
    public static string DecisionLine(ReportData data, ReportTexts t)
    {
        var revised = data.Round is { State: ReturnRoundState.Closed } round ? t.Format("approval.revised", t.Date(round.ReturnedOn)) : null;
        return data.Decision switch
        {
            { Approved: true } d => Join(t.Format("approval.decided.approved", t.Date(d.DecidedOn)), revised),

            // The revised version answers this very return: the marking says it all.
            { } d when revised is not null && d.DecidedOn == data.Round!.ReturnedOn => revised,
            { } d => Join(t.Format("approval.decided.returned", t.Date(d.DecidedOn)), revised),
            null => t["report.followup.approval.pending"],
        };

        static string Join(string decision, string? revised) => revised is null ? decision : $"{decision}. {revised}";
    }

    public static void Write(OpenXmlWriter w, ReportData data, ReportTexts t, ReportHeaderLook headerLook)
    {
        var series = IndicatorSeries.For(data.Agreement, data.Cycle.Year, data.Current, data.History, data.Effects);
        w.WriteElement(new Paragraph(ReportElements.TextRun(DecisionLine(data, t), bold: data.Decision is { Approved: true })));
        WritePromises(w, data, t, headerLook);
        WriteKinds(w, data, t, series, headerLook);
        WriteFocusAreas(w, data, t, series);
        WriteLaw(w, data, t);
    }

    static void WritePromises(OpenXmlWriter w, ReportData data, ReportTexts t, ReportHeaderLook headerLook)
    {
        w.WriteElement(ReportElements.Heading(1, t["report.followup.promises.heading"]));
        var promises = data.Agreement.PromiseList;
        if (promises.Count == 0)
        {
            w.WriteElement(ReportElements.Plain(t["report.followup.promises.none"]));
            return;
        }

        w.WriteElement(ReportElements.Plain(t["report.followup.promises.intro"]));
        var table = ReportTableWriter.Start(w, [3800, 1500, TextWidth - 5300], headerLook, t["report.followup.col.promise"], t["report.followup.col.verdict"], t["report.followup.col.reasoning"]);
        foreach (var p in promises)
        {
            var a = PromiseAssessment.For(p, data.Current.StatusByMeasure);
            var fill = a.Verdict switch { PromiseVerdict.Kept => "C6E0B4", PromiseVerdict.PartlyKept => "FFE699", _ => "F4B183" };
            var measures = string.Join(", ", p.MeasureIds.Select(id => data.Agreement.Measures.FirstOrDefault(m => m.Id == id)?.Title ?? id));
            table.Row(
                ReportTableWriter.Cell(p.Text),
                ReportTableWriter.Cell(t[$"report.followup.verdict.{a.Verdict}"], fill, bold: true),
                ReportTableWriter.Cell(
                    t.Format("report.followup.promise.reasoning", a.Kept, a.Measures, a.Completed, a.OnTrack, a.Delayed, a.NotStarted, a.Cancelled, a.Unanswered) + " " + measures + "."));
        }

        table.End();
    }

    static void WriteKinds(OpenXmlWriter w, ReportData data, ReportTexts t, IReadOnlyList<IndicatorSeries> series, ReportHeaderLook headerLook)
    {
        var year = data.Cycle.Year;
        w.WriteElement(ReportElements.Heading(1, t["report.followup.kinds.heading"]));
        w.WriteElement(ReportElements.Plain(t["report.followup.kinds.intro"]));
        foreach (var kind in Enum.GetValues<IndicatorKind>())
        {
            w.WriteElement(ReportElements.Heading(2, t[$"report.followup.kind.{kind}"]));
            var rows = series.Where(s => s.Indicator.Kind == kind).ToList();
            if (rows.Count == 0)
            {
                w.WriteElement(ReportElements.Plain(t["report.followup.kind.none"]));
                continue;
            }

            var effect = kind == IndicatorKind.Effekt;
            int[] widths = effect ? [2300, 1250, 1250, 1250, 1250, TextWidth - 7300] : [3000, 2400, 1250, 1250, TextWidth - 7900];
            string[] headers = effect
                ? [t["report.followup.col.indicator"], t["report.followup.col.baseline"], t["report.followup.col.previous"], t.Format("report.followup.col.value", year), t["report.followup.col.trend"], t["report.followup.col.source"]]
                : [t["report.followup.col.indicator"], t["report.followup.col.measure"], t["report.followup.col.baseline"], t.Format("report.followup.col.value", year), t["report.followup.col.trend"]];
            var table = ReportTableWriter.Start(w, widths, headerLook, headers);
            foreach (var s in rows)
            {
                var name = $"{s.Indicator.Name} ({s.Indicator.Unit})";
                var baseline = s.Indicator.Baseline is { } b ? t.Number(b) : "–";
                var current = s.Current(year) is { } v ? t.Number(v) : effect ? t["report.followup.missing-effect"] : "–";
                var trend = t[$"report.followup.trend.{s.TrendFor(year)}"];
                if (effect)
                {
                    var previous = s.Values.Where(x => x.Year < year).OrderByDescending(x => x.Year).Select(x => $"{t.Number(x.Value)} ({x.Year})").FirstOrDefault() ?? "–";
                    var source = s.Source is { } f ? $"{f.Source}, {t.Date(f.SourceDate)}" : "–";
                    table.Row(ReportTableWriter.Cell(name), ReportTableWriter.Cell(baseline), ReportTableWriter.Cell(previous), ReportTableWriter.Cell(current, bold: true),
                        ReportTableWriter.Cell(trend), ReportTableWriter.Cell(source));
                }
                else
                {
                    table.Row(ReportTableWriter.Cell(name), ReportTableWriter.Cell(s.Measure.Title), ReportTableWriter.Cell(baseline), ReportTableWriter.Cell(current, bold: true),
                        ReportTableWriter.Cell(trend));
                }
            }

            table.End();
        }
    }

    static void WriteFocusAreas(OpenXmlWriter w, ReportData data, ReportTexts t, IReadOnlyList<IndicatorSeries> series)
    {
        var year = data.Cycle.Year;
        var status = data.Current.StatusByMeasure;
        w.WriteElement(ReportElements.Heading(1, t["report.followup.areas.heading"]));
        foreach (var area in data.Agreement.FocusAreas)
        {
            var measures = data.Agreement.Measures.Where(m => m.FocusAreaId == area.Id).ToList();
            var inArea = series.Where(s => s.Measure.FocusAreaId == area.Id).ToList();
            w.WriteElement(ReportElements.Heading(2, area.Title));
            w.WriteElement(ReportElements.Plain(t.Format(
                "report.followup.area.done",
                measures.Count(m => status.TryGetValue(m.Id, out var s) && s == MeasureStatus.Completed),
                measures.Count,
                measures.Count(m => status.TryGetValue(m.Id, out var s) && s == MeasureStatus.OnTrack))));
            var how = inArea.Where(s => s.Indicator.Kind == IndicatorKind.Process && s.Current(year) is not null)
                .Select(s => $"{s.Indicator.Name} {t.Number(s.Current(year)!.Value)} {s.Indicator.Unit}").ToList();
            w.WriteElement(ReportElements.Plain(how.Count == 0 ? t["report.followup.area.how-none"] : t.Format("report.followup.area.how", string.Join("; ", how))));
            var changed = inArea.Where(s => s.Indicator.Kind == IndicatorKind.Effekt && s.Current(year) is not null)
                .Select(s => $"{s.Indicator.Name} {(s.Indicator.Baseline is { } b ? t.Number(b) : "–")} → {t.Number(s.Current(year)!.Value)} {s.Indicator.Unit} ({t[$"report.followup.trend.{s.TrendFor(year)}"].ToLower(t.Culture)})")
                .ToList();
            w.WriteElement(ReportElements.Plain(changed.Count == 0 ? t["report.followup.area.changed-none"] : t.Format("report.followup.area.changed", string.Join("; ", changed))));
        }
    }

    static void WriteLaw(OpenXmlWriter w, ReportData data, ReportTexts t)
    {
        var a = data.Agreement;
        w.WriteElement(ReportElements.Heading(1, t["report.followup.law.heading"]));
        string Describe(DocumentReference r) =>
            string.Join(", ", new[] { r.Title, r.Date is { } d ? t.Date(d) : null, r.Link }.Where(x => !string.IsNullOrWhiteSpace(x)));
        w.WriteElement(ReportElements.Plain(a.SituationPicture is { } picture
            ? t.Format("report.followup.law.situation", Describe(picture))
            : t["report.followup.law.situation-none"]));
        w.WriteElement(ReportElements.Plain(a.ActionPlan is { } plan
            ? t.Format("report.followup.law.plan", Describe(plan))
            : t["report.followup.law.plan-none"]));
        if (a.ActionPlan is not null)
        {
            w.WriteElement(ReportElements.Plain(t.Format("report.followup.law.followed", data.Current.MeasuresAnswered, data.Current.MeasuresTotal)));
        }
    }
}
