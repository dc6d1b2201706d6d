using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Reports;

/// <summary>
/// Writes each tagged section of the report. Sections stream straight to the document part: paragraphs and table
/// rows are built one at a time and handed to the writer, so memory stays flat however many measures there are.
/// </summary>
internal sealed class ReportSections
{
    // Text width of an A4 page with the template's margins, in twentieths of a point; column widths add up to it.
    const int TextWidth = 9412;
    const int CommentPreviewLength = 400;

    static readonly (MeasureStatus Status, string Color)[] StatusColors =
    [
        (MeasureStatus.Completed, "2E7D32"),
        (MeasureStatus.OnTrack, "5B9BD5"),
        (MeasureStatus.Delayed, "ED7D31"),
        (MeasureStatus.NotStarted, "A5A5A5"),
        (MeasureStatus.Cancelled, "7B3F3F"),
    ];

    const string NoAnswerColor = "D9D9D9";

    readonly ReportData data;
    readonly ReportTexts t;
    readonly Dictionary<string, MeasureOutcome> outcomeByMeasure;
    readonly Dictionary<string, Owner> ownerById;
    readonly IReadOnlyList<CycleAggregate> earlier;

    public ReportSections(ReportData data, ReportTexts texts)
    {
        this.data = data;
        t = texts;
        outcomeByMeasure = new Dictionary<string, MeasureOutcome>(StringComparer.Ordinal);
        foreach (var outcome in data.Outcomes)
        {
            outcomeByMeasure[outcome.Measure.Id] = outcome;
        }

        ownerById = data.Agreement.Owners.GroupBy(o => o.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        earlier = data.History.Where(h => h.Year < data.Cycle.Year).OrderBy(h => h.Year).ToList();
    }

    public IReadOnlyDictionary<string, string> Fields()
    {
        var a = data.Agreement;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ReportTags.Municipality] = a.Municipality,
            [ReportTags.PoliceArea] = a.PoliceArea,
            [ReportTags.AgreementTitle] = a.Title,
            [ReportTags.ReportTitle] = ReportTitle,
            [ReportTags.ReportSubtitle] = t.Format("report.subtitle", a.Municipality, a.PoliceArea),
            [ReportTags.ReportDate] = t.Format("report.date", t.Date(data.ReportDate)),
            [ReportTags.PreparedFor] = t["report.preparedFor"],
        };
    }

    public string ReportTitle => t.Format("report.title", data.Cycle.Year);

    public void Write(string tag, OpenXmlWriter w, MainDocumentPart main)
    {
        switch (tag)
        {
            case ReportTags.TableOfContents: WriteTableOfContents(w); break;
            case ReportTags.Summary: WriteSummary(w); break;
            case ReportTags.StatusChart: WriteChart(w, main); break;
            case ReportTags.FocusAreas: WriteFocusAreas(w); break;
            case ReportTags.MissingAnswers: WriteMissing(w); break;
            case ReportTags.Revision: WriteRevision(w); ReportFollowUpSections.Write(w, data, t); break;
            case ReportTags.Appendix: WriteAppendix(w); break;
            default: throw new ArgumentOutOfRangeException(nameof(tag), tag, "Not a report section.");
        }
    }

    const string SummaryKey = "Summary", MissingKey = "Missing", RevisionKey = "Revision", AppendixKey = "Appendix";
    const int FirstBookmarkId = 10_000; // clear of ids a template's own bookmarks are likely to use

    /// <summary>Chapter headings in report order, each with a bookmark name the TOC's page references point to.</summary>
    IReadOnlyList<(string Key, string Text)> Chapters() =>
        [
            (SummaryKey, t["report.summary.heading"]),
            .. data.Agreement.FocusAreas.Select((f, i) => ($"Area{i + 1}", f.Title)),
            (MissingKey, t["report.missing.heading"]),
            (RevisionKey, t["report.revision.heading"]),
            (AppendixKey, t["report.appendix.heading"]),
        ];

    static string BookmarkName(string key) => $"_TocReport{key}";

    /// <summary>A level-1 heading wrapped in a deterministic bookmark, so the TOC can show its page.</summary>
    void WriteChapterHeading(OpenXmlWriter w, string key)
    {
        var chapters = Chapters();
        var index = chapters.Select(c => c.Key).ToList().IndexOf(key);
        var id = (FirstBookmarkId + index).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var heading = ReportElements.Heading(1, chapters[index].Text);
        heading.InsertAfter(new BookmarkStart { Id = id, Name = BookmarkName(key) }, heading.ParagraphProperties);
        heading.AppendChild(new BookmarkEnd { Id = id });
        w.WriteElement(heading);
    }

    /// <summary>
    /// A TOC field marked dirty, and settings ask Word to update fields on open. Its cached result lists the
    /// chapter headings, so readers that never update fields (LibreOffice, previews) still show a contents list.
    /// </summary>
    void WriteTableOfContents(OpenXmlWriter w)
    {
        w.WriteElement(ReportElements.Styled("TOCHeading", t["report.toc.heading"]));
        var headings = Chapters();
        for (var i = 0; i < headings.Count; i++)
        {
            var p = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "TOC1" }));
            if (i == 0)
            {
                p.Append(
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Begin, Dirty = true }),
                    new Run(new FieldCode(" TOC \\o \"1-1\" \\h \\z \\u ") { Space = SpaceProcessingModeValues.Preserve }),
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }));
            }

            // Linked to the chapter bookmark, as Word's own TOC entries are. Page numbers are left to Word's update on
            // open: LibreOffice shows a TOC's cached result as is and would print whatever number we guessed.
            p.Append(new Hyperlink(ReportElements.TextRun(headings[i].Text)) { Anchor = BookmarkName(headings[i].Key), History = true });
            if (i == headings.Count - 1)
            {
                p.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
            }

            w.WriteElement(p);
        }

        w.WriteElement(ReportElements.Styled("Caption", t["report.toc.hint"]));
    }

    void WriteSummary(OpenXmlWriter w)
    {
        var c = data.Current;
        WriteChapterHeading(w, SummaryKey);
        w.WriteElement(ReportElements.Plain(t.Format("report.summary.intro",
            data.Agreement.Title, data.Cycle.Year, c.OwnersAnswered, c.OwnersTotal, c.MeasuresAnswered, c.MeasuresTotal, c.RedLights)));
        w.WriteElement(ReportElements.Plain(ReportFollowUpSections.DecisionLine(data, t)));

        w.WriteElement(ReportElements.Heading(2, t["report.summary.keyFigures"]));
        var figures = ReportTableWriter.Start(w, [5200, TextWidth - 5200], t["report.summary.figure"], t["report.summary.value"]);
        figures.Row(ReportTableWriter.Cell(t["report.summary.responseRate"]),
            ReportTableWriter.Cell(t.Format("report.summary.responseRateValue", c.ResponseRate, c.OwnersAnswered, c.OwnersTotal), bold: true));
        figures.Row(ReportTableWriter.Cell(t["report.summary.measuresAnswered"]),
            ReportTableWriter.Cell(t.Format("report.summary.measuresAnsweredValue", c.MeasuresAnswered, c.MeasuresTotal), bold: true));
        figures.Row(ReportTableWriter.Cell(t["report.summary.redLights"]),
            ReportTableWriter.Cell(c.RedLights.ToString(t.Culture), c.RedLights > 0 ? ReportFills.Red : null, bold: true));
        figures.Row(ReportTableWriter.Cell(t["report.summary.revision"]),
            ReportTableWriter.Cell(data.Revision.Due ? t["report.summary.revisionDue"] : t["report.summary.revisionNotDue"], data.Revision.Due ? ReportFills.Yellow : null, bold: true));
        figures.End();

        // Status per year: this cycle next to the earlier ones, so a trend is visible at a glance.
        w.WriteElement(ReportElements.Heading(2, t["report.summary.statusHeading"]));
        w.WriteElement(ReportElements.Plain(t["report.summary.statusIntro"]));
        var years = earlier.TakeLast(4).Append(c).ToList();
        var yearWidth = Math.Min(1300, (TextWidth - 3400) / years.Count);
        var widths = new[] { TextWidth - (yearWidth * years.Count) }.Concat(Enumerable.Repeat(yearWidth, years.Count)).ToArray();
        var table = ReportTableWriter.Start(w, widths, [t["report.col.status"], .. years.Select(y => y.Year.ToString(t.Culture))]);
        foreach (var (status, _) in StatusColors)
        {
            table.Row([ReportTableWriter.Cell(t.Status(status)), .. years.Select(y => ReportTableWriter.Cell(y.CountWithStatus(status).ToString(t.Culture)))]);
        }

        table.Row([ReportTableWriter.Cell(t["report.col.notAnswered"]), .. years.Select(y => ReportTableWriter.Cell((y.MeasuresTotal - y.MeasuresAnswered).ToString(t.Culture)))]);
        table.Row([ReportTableWriter.Cell(t["report.summary.redLights"], bold: true), .. years.Select(y => ReportTableWriter.Cell(y.RedLights.ToString(t.Culture), bold: true))]);
        table.Row([ReportTableWriter.Cell(t["report.summary.responseRate"]), .. years.Select(y => ReportTableWriter.Cell(y.ResponseRate.ToString("P0", t.Culture)))]);
        table.End();
    }

    void WriteChart(OpenXmlWriter w, MainDocumentPart main)
    {
        var areas = data.Agreement.FocusAreas;
        var series = StatusColors
            .Select(sc => (t.Status(sc.Status), sc.Color, (IReadOnlyList<int>)areas.Select(a => StatusCount(a.Id, sc.Status)).ToList()))
            .Append((t["report.col.notAnswered"], NoAnswerColor, areas.Select(a => UnansweredIn(a.Id)).ToList()))
            .ToList();
        w.WriteElement(ReportElements.Heading(2, t["report.chart.heading"]));
        w.WriteElement(ReportChartWriter.Add(main, data.ReportDate, t["report.chart.sheet"], t["report.chart.focusArea"], t["report.chart.description"],
            areas.Select(a => a.Title).ToList(), series));
        w.WriteElement(ReportElements.Styled("Caption", t["report.chart.caption"]));
    }

    int StatusCount(string areaId, MeasureStatus status) =>
        data.Current.StatusCountsByFocusArea.TryGetValue(areaId, out var counts) && counts.TryGetValue(status, out var n) ? n : 0;

    int UnansweredIn(string areaId) =>
        data.Agreement.Measures.Count(m => m.FocusAreaId == areaId) - StatusColors.Sum(sc => StatusCount(areaId, sc.Status));

    void WriteFocusAreas(OpenXmlWriter w)
    {
        var measuresByArea = data.Agreement.Measures.GroupBy(m => m.FocusAreaId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var (area, index) in data.Agreement.FocusAreas.Select((a, i) => (a, i)))
        {
            var measures = measuresByArea.GetValueOrDefault(area.Id) ?? [];
            WriteChapterHeading(w, $"Area{index + 1}");
            if (!string.IsNullOrWhiteSpace(area.Description))
            {
                w.WriteElement(ReportElements.Plain(area.Description));
            }

            w.WriteElement(ReportElements.Plain(t.Format("report.area.summary", measures.Count,
                StatusCount(area.Id, MeasureStatus.Completed), StatusCount(area.Id, MeasureStatus.OnTrack), StatusCount(area.Id, MeasureStatus.Delayed),
                StatusCount(area.Id, MeasureStatus.NotStarted), StatusCount(area.Id, MeasureStatus.Cancelled), UnansweredIn(area.Id))));

            w.WriteElement(ReportElements.Heading(2, t["report.area.measures"]));
            var table = ReportTableWriter.Start(w, [2450, 1350, 1300, 1250, 800, TextWidth - 7150],
                t["report.col.measure"], t["report.col.owner"], t["report.col.organisation"], t["report.col.status"], t["report.col.light"], t["report.col.comment"]);
            foreach (var measure in measures)
            {
                var owner = ownerById.GetValueOrDefault(measure.OwnerId);
                var answer = outcomeByMeasure.GetValueOrDefault(measure.Id)?.Answer;
                var status = data.Current.StatusByMeasure.TryGetValue(measure.Id, out var s) ? t.Status(s) : t["report.notAnswered"];
                var light = data.Current.LightByMeasure.TryGetValue(measure.Id, out var l) ? l : (TrafficLight?)null;
                var comment = ReportTextSanitizer.Truncate(ReportTextSanitizer.Clean(answer?.Comment), CommentPreviewLength, "…");
                table.Row(
                    ReportTableWriter.Cell(measure.Title),
                    ReportTableWriter.Cell(owner?.Name ?? measure.OwnerId),
                    ReportTableWriter.Cell(owner is null ? string.Empty : t.Organisation(owner.Organisation)),
                    ReportTableWriter.Cell(status, answer is null ? ReportFills.Missing : null),
                    ReportTableWriter.Cell(light is { } li ? t.Light(li) : t["report.noValue"], ReportFills.For(light)),
                    ReportTableWriter.Cell(comment));
            }

            table.End();
            WriteIndicators(w, measures);
        }
    }

    void WriteIndicators(OpenXmlWriter w, List<Measure> measures)
    {
        w.WriteElement(ReportElements.Heading(2, t["report.area.indicators"]));
        var indicators = measures.SelectMany(m => m.Indicators.Select(i => (Measure: m, Indicator: i))).ToList();
        if (indicators.Count == 0)
        {
            w.WriteElement(ReportElements.Plain(t["report.area.noIndicators"]));
            return;
        }

        var years = earlier.TakeLast(3).ToList();
        const int numberWidth = 800, baselineWidth = 1400, changeWidth = 1400;
        var nameWidth = TextWidth - changeWidth - baselineWidth - (numberWidth * (years.Count + 2));
        int[] widths = [nameWidth, baselineWidth, .. years.Select(_ => numberWidth), numberWidth, numberWidth, changeWidth];
        var table = ReportTableWriter.Start(w, widths,
            [t["report.col.indicator"], t["report.col.baseline"], .. years.Select(y => y.Year.ToString(t.Culture)), data.Cycle.Year.ToString(t.Culture), t["report.col.target"], t["report.col.change"]]);
        foreach (var (measure, indicator) in indicators)
        {
            var key = CycleAggregate.IndicatorKey(measure.Id, indicator.Id);
            decimal? current = data.Current.IndicatorValues.TryGetValue(key, out var v) ? v : null;
            var previous = earlier.Select(y => y.IndicatorValues.TryGetValue(key, out var pv) ? pv : (decimal?)null).LastOrDefault(x => x is not null) ?? indicator.Baseline;
            var (changeText, changeFill) = Change(indicator.Direction, previous, current);
            table.Row([
                ReportTableWriter.Cell($"{indicator.Name} ({indicator.Unit})"),
                ReportTableWriter.Cell(Value(indicator.Baseline)),
                .. years.Select(y => ReportTableWriter.Cell(Value(y.IndicatorValues.TryGetValue(key, out var yv) ? yv : null))),
                ReportTableWriter.Cell(Value(current), bold: true),
                ReportTableWriter.Cell(Value(indicator.Target)),
                ReportTableWriter.Cell(changeText, changeFill),
            ]);
        }

        table.End();
    }

    string Value(decimal? value) => value is { } v ? t.Number(v) : t["report.noValue"];

    /// <summary>Direction of change since the latest earlier value (or the baseline), judged by whether higher is better.</summary>
    (string Text, string? Fill) Change(IndicatorDirection direction, decimal? previous, decimal? current)
    {
        if (previous is not { } p || current is not { } c)
        {
            return (t["report.change.none"], null);
        }

        if (p == c)
        {
            return (t["report.change.same"], null);
        }

        var better = (c > p) == (direction == IndicatorDirection.HigherIsBetter);
        return better ? (t["report.change.better"], ReportFills.Better) : (t["report.change.worse"], ReportFills.Worse);
    }

    void WriteMissing(OpenXmlWriter w)
    {
        var c = data.Current;
        var progress = data.Owners.GroupBy(o => o.OwnerId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        WriteChapterHeading(w, MissingKey);
        w.WriteElement(ReportElements.Plain(c.MissingOwnerIds.Count == 0
            ? t["report.missing.none"]
            : t.Format("report.missing.intro", c.MissingOwnerIds.Count, c.OwnersTotal)));

        // Who needed reminding before answering tells the steering group as much as who never answered.
        var missing = c.MissingOwnerIds.ToHashSet(StringComparer.Ordinal);
        var reminded = data.Owners
            .Where(o => o.RemindersSent > 0 && !missing.Contains(o.OwnerId))
            .OrderBy(o => ownerById.GetValueOrDefault(o.OwnerId)?.Name ?? o.OwnerId, StringComparer.Ordinal)
            .Select(o => t.Format("report.missing.remindedItem", ownerById.GetValueOrDefault(o.OwnerId)?.Name ?? o.OwnerId, o.RemindersSent))
            .ToList();
        if (reminded.Count > 0)
        {
            w.WriteElement(ReportElements.Plain(t.Format("report.missing.remindedAnswered", string.Join(", ", reminded))));
        }

        if (c.MissingOwnerIds.Count > 0)
        {
            var table = ReportTableWriter.Start(w, [2000, 1350, TextWidth - 6200, 1350, 1500],
                t["report.col.owner"], t["report.col.organisation"], t["report.col.measureCount"], t["report.col.reminders"], t["report.col.lastReminded"]);
            foreach (var ownerId in c.MissingOwnerIds.Order(StringComparer.Ordinal))
            {
                var owner = ownerById.GetValueOrDefault(ownerId);
                var p = progress.GetValueOrDefault(ownerId);
                var measures = string.Join("\n", data.Agreement.MeasuresOf(ownerId).Select(m => m.Title));
                table.Row(
                    ReportTableWriter.Cell(owner is null ? ownerId : $"{owner.Name}\n{owner.Title}".TrimEnd()),
                    ReportTableWriter.Cell(owner is null ? string.Empty : t.Organisation(owner.Organisation)),
                    ReportTableWriter.Cell(measures),
                    ReportTableWriter.Cell((p?.RemindersSent ?? 0).ToString(t.Culture)),
                    ReportTableWriter.Cell(p?.LastRemindedUtc is { } r ? t.Date(r) : t["report.missing.neverReminded"]));
            }

            table.End();
        }
    }

    void WriteRevision(OpenXmlWriter w)
    {
        var r = data.Revision;
        WriteChapterHeading(w, RevisionKey);
        w.WriteElement(new Paragraph(ReportElements.TextRun(t.Format($"report.revision.{r.Reason}", t.Date(r.LatestRevision), t.Period(r.CurrentPeriod)), bold: r.Due)));
        foreach (var request in r.OpenRequests)
        {
            var text = string.IsNullOrWhiteSpace(request.Reason)
                ? t.Format("report.revision.request", t.Organisation(request.Party), t.Date(request.RequestedOn))
                : t.Format("report.revision.requestReason", t.Organisation(request.Party), t.Date(request.RequestedOn), request.Reason);
            w.WriteElement(ReportElements.Plain(text));
        }
    }

    void WriteAppendix(OpenXmlWriter w)
    {
        WriteChapterHeading(w, AppendixKey);
        w.WriteElement(ReportElements.Plain(t["report.appendix.intro"]));
        var measuresByArea = data.Agreement.Measures.ToLookup(m => m.FocusAreaId, StringComparer.Ordinal);
        foreach (var area in data.Agreement.FocusAreas)
        {
            w.WriteElement(ReportElements.Heading(2, area.Title));
            foreach (var measure in measuresByArea[area.Id])
            {
                var outcome = outcomeByMeasure.GetValueOrDefault(measure.Id);
                var owner = ownerById.GetValueOrDefault(measure.OwnerId);
                w.WriteElement(ReportElements.Heading(3, measure.Title));
                var who = owner is null ? measure.OwnerId : $"{owner.Name}, {t.Organisation(owner.Organisation)}";
                var answer = outcome?.Answer;
                var meta = new Paragraph(
                    ReportElements.TextRun(t["report.col.owner"] + ": ", bold: true), ReportElements.TextRun(who + "   "),
                    ReportElements.TextRun(t["report.col.status"] + ": ", bold: true),
                    ReportElements.TextRun((answer?.Status is { } s ? t.Status(s) : t["report.notAnswered"]) + "   "),
                    ReportElements.TextRun(t["report.col.light"] + ": ", bold: true),
                    ReportElements.TextRun(answer?.Light is { } l ? t.Light(l) : t["report.noValue"]));
                if (outcome?.SubmittedUtc is { } submitted)
                {
                    meta.AppendChild(ReportElements.TextRun("   " + t.Format("report.appendix.submitted", t.Date(submitted))));
                }

                w.WriteElement(meta);
                if (answer is null)
                {
                    continue;
                }

                w.WriteElement(ReportElements.Labelled(t["report.appendix.comment"], Or(answer.Comment)));
                w.WriteElement(ReportElements.Labelled(t["report.appendix.plan"], Or(answer.NextYearPlan)));
                foreach (var indicator in measure.Indicators)
                {
                    var value = answer.IndicatorValues.TryGetValue(indicator.Id, out var iv) ? iv : null;
                    w.WriteElement(ReportElements.Plain(t.Format("report.appendix.indicator", indicator.Name, Value(value), indicator.Unit)));
                }
            }
        }
    }

    string Or(string? text) => string.IsNullOrWhiteSpace(text) ? t["report.appendix.empty"] : text;
}
