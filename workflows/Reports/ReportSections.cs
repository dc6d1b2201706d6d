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

    const int DecisionCommentLength = 140;

    static readonly (MeasureStatus Status, string Color)[] StatusColors =
    [
        (MeasureStatus.Completed, "2E7D32"),
        (MeasureStatus.OnTrack, "5B9BD5"),
        (MeasureStatus.Delayed, "ED7D31"),
        (MeasureStatus.NotStarted, "A5A5A5"),
        (MeasureStatus.Cancelled, "7B3F3F"),
    ];

    // Hatched in the chart, so "no answer" differs from every status also in greyscale print.
    const string NoAnswerColor = "595959";

    readonly ReportData data;
    readonly ReportTexts t;
    readonly Dictionary<string, MeasureOutcome> outcomeByMeasure;
    readonly Dictionary<string, Owner> ownerById;
    readonly List<CycleAggregate> earlier;
    readonly bool hasCodes;
    ReportHeaderLook headerLook = ReportHeaderLook.None;

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
        hasCodes = data.Agreement.Measures.Any(m => !string.IsNullOrWhiteSpace(m.Code));
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
        headerLook = ReportHeaderLook.From(main);
        switch (tag)
        {
            case ReportTags.TableOfContents: WriteTableOfContents(w); break;
            case ReportTags.Summary: WriteSummary(w); break;
            case ReportTags.StatusChart: WriteChart(w, main); break;
            case ReportTags.FocusAreas: WriteFocusAreas(w); break;
            case ReportTags.MissingAnswers: WriteMissing(w); break;
            case ReportTags.Revision: WriteRevision(w); ReportFollowUpSections.Write(w, data, t, headerLook); break;
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

    ReportTableWriter Table(OpenXmlWriter w, int[] widths, params string[] headers) => ReportTableWriter.Start(w, widths, headerLook, headers);

    /// <summary>Widths fitted to the headers and rows, then the table with those rows (cells by column; fills by column).</summary>
    void WriteTable(OpenXmlWriter w, string[] headers, IReadOnlyList<(string[] Texts, string?[] Fills, bool Bold)> rows, params int[] flexible)
    {
        var widths = ReportColumns.Fit(TextWidth, headers, rows.Select(r => (IReadOnlyList<string>)r.Texts), flexible);
        var table = Table(w, widths, headers);
        foreach (var (texts, fills, bold) in rows)
        {
            table.Row(texts.Select((text, i) => ReportTableWriter.Cell(text, i < fills.Length ? fills[i] : null, bold)).ToArray());
        }

        table.End();
    }

    Organisation? OrganisationOf(Measure m) => ownerById.GetValueOrDefault(m.OwnerId)?.Organisation;

    MeasureStatus? StatusOf(Measure m) => data.Current.StatusByMeasure.TryGetValue(m.Id, out var s) ? s : null;

    TrafficLight? LightOf(Measure m) => data.Current.LightByMeasure.TryGetValue(m.Id, out var l) ? l : null;

    bool IsAnswered(Measure m) => StatusOf(m) is not null;

    /// <summary>Each owner's answer time (their latest submitted revision), for late marking.</summary>
    List<(Owner Owner, DateTimeOffset Submitted, AnswerTiming Timing)> LateAnswers() =>
        data.Outcomes.Where(o => o.SubmittedUtc is not null && o.Answer is not null)
            .GroupBy(o => o.Owner.Id, StringComparer.Ordinal)
            .Select(g => (g.First().Owner, Submitted: g.First().SubmittedUtc!.Value))
            .Select(x => (x.Owner, x.Submitted, Timing: AnswerTimings.Of(data.Cycle, x.Submitted)))
            .Where(x => x.Timing != AnswerTiming.OnTime)
            .OrderBy(x => x.Submitted)
            .ToList();

    string LateText(AnswerTiming timing, DateTimeOffset submitted) => t.Format($"report.late.{timing}", t.Time(submitted));

    void WriteSummary(OpenXmlWriter w)
    {
        var c = data.Current;
        WriteChapterHeading(w, SummaryKey);
        var red = c.RedLights == 0 ? t["report.summary.red.none"] : t.Count("report.summary.red", c.RedLights);
        w.WriteElement(ReportElements.Plain(t.Format("report.summary.intro",
            data.Cycle.Year, c.OwnersAnswered, c.OwnersTotal, c.MeasuresAnswered, c.MeasuresTotal) + " " + red));
        w.WriteElement(ReportElements.Plain(ReportFollowUpSections.DecisionLine(data, t)));

        var late = LateAnswers();
        w.WriteElement(ReportElements.Heading(2, t["report.summary.keyFigures"]));
        var figures = Table(w, [5200, TextWidth - 5200], t["report.summary.figure"], t["report.summary.value"]);
        figures.Row(ReportTableWriter.Cell(t["report.summary.responseRate"]),
            ReportTableWriter.Cell(t.Format("report.summary.responseRateValue", c.ResponseRate, c.OwnersAnswered, c.OwnersTotal), bold: true));
        figures.Row(ReportTableWriter.Cell(t["report.summary.measuresAnswered"]),
            ReportTableWriter.Cell(t.Format("report.summary.measuresAnsweredValue", c.MeasuresAnswered, c.MeasuresTotal), bold: true));
        figures.Row(ReportTableWriter.Cell(t["report.summary.redLights"]),
            ReportTableWriter.Cell(c.RedLights.ToString(t.Culture), c.RedLights > 0 ? ReportFills.Red : null, bold: true));
        figures.Row(ReportTableWriter.Cell(t["report.summary.lateAnswers"]),
            ReportTableWriter.Cell(late.Count.ToString(t.Culture), late.Count > 0 ? ReportFills.Yellow : null, bold: true));
        figures.Row(ReportTableWriter.Cell(t["report.summary.revision"]),
            ReportTableWriter.Cell(data.Revision.Due ? t["report.summary.revisionDue"] : t["report.summary.revisionNotDue"], data.Revision.Due ? ReportFills.Yellow : null, bold: true));
        figures.End();

        WriteDecisions(w);
        WriteParties(w);

        // Status per year: this cycle next to the earlier ones, so a trend is visible at a glance.
        w.WriteElement(ReportElements.Heading(2, t["report.summary.statusHeading"]));
        // Years imported as figures only (no statuses) would read as "all unanswered": they belong to the indicator trends alone.
        var followedUp = earlier.Where(y => y.MeasuresTotal > 0).ToList();
        w.WriteElement(ReportElements.Intro(followedUp.Count == 0 ? t["report.summary.statusIntroFirst"] : t["report.summary.statusIntro"]));
        var years = followedUp.TakeLast(4).Append(c).ToList();
        var yearWidth = Math.Min(1300, (TextWidth - 3400) / years.Count);
        var widths = new[] { TextWidth - (yearWidth * years.Count) }.Concat(Enumerable.Repeat(yearWidth, years.Count)).ToArray();
        var table = Table(w, widths, [t["report.col.status"], .. years.Select(y => y.Year.ToString(t.Culture))]);
        foreach (var (status, _) in StatusColors)
        {
            table.Row([ReportTableWriter.Cell(t.Status(status)), .. years.Select(y => ReportTableWriter.Cell(y.CountWithStatus(status).ToString(t.Culture)))]);
        }

        table.Row([ReportTableWriter.Cell(t["report.col.notAnswered"]), .. years.Select(y => ReportTableWriter.Cell((y.MeasuresTotal - y.MeasuresAnswered).ToString(t.Culture)))]);
        table.Row([ReportTableWriter.Cell(t["report.summary.redLights"], bold: true), .. years.Select(y => ReportTableWriter.Cell(y.RedLights.ToString(t.Culture), bold: true))]);
        table.Row([ReportTableWriter.Cell(t["report.summary.responseRate"]), .. years.Select(y => ReportTableWriter.Cell(y.ResponseRate.ToString("P0", t.Culture)))]);
        table.End();
    }

    /// <summary>
    /// What needs the steering group's attention, one line each: red or delayed measures, then owners who did not
    /// answer. Right after the key figures, so nobody has to scan every focus area to find it.
    /// </summary>
    void WriteDecisions(OpenXmlWriter w)
    {
        w.WriteElement(ReportElements.Heading(2, t["report.decide.heading"]));
        var flagged = data.Agreement.Measures.Where(m => LightOf(m) == TrafficLight.Red || StatusOf(m) == MeasureStatus.Delayed).ToList();
        var missing = data.Current.MissingOwnerIds.Order(StringComparer.Ordinal).ToList();
        if (flagged.Count == 0 && missing.Count == 0)
        {
            w.WriteElement(ReportElements.Plain(t["report.decide.none"]));
            return;
        }

        w.WriteElement(ReportElements.Intro(t["report.decide.intro"]));
        var progress = data.Owners.GroupBy(o => o.OwnerId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var rows = new List<(string[] Texts, string?[] Fills, bool Bold)>();
        foreach (var m in flagged)
        {
            var owner = ownerById.GetValueOrDefault(m.OwnerId);
            var comment = ReportTextSanitizer.Truncate(ReportTextSanitizer.Clean(outcomeByMeasure.GetValueOrDefault(m.Id)?.Answer?.Comment).ReplaceLineEndings(" "), DecisionCommentLength, "…");
            var light = LightOf(m);
            rows.Add(WithCode(m.Code ?? string.Empty,
                [m.Title, owner?.Name ?? m.OwnerId, OrganisationOf(m) is { } o ? t.Organisation(o) : string.Empty,
                 StatusOf(m) is { } s ? t.Status(s) : t["report.notAnswered"], light is { } l ? t.Light(l) : t["report.noValue"], comment],
                [null, null, null, StatusOf(m) == MeasureStatus.Delayed ? ReportFills.Yellow : null, ReportFills.For(light), null]));
        }

        foreach (var ownerId in missing)
        {
            var owner = ownerById.GetValueOrDefault(ownerId);
            var measures = data.Agreement.MeasuresOf(ownerId).ToList();
            var reminders = progress.GetValueOrDefault(ownerId)?.RemindersSent ?? 0;
            var note = reminders == 0 ? t["report.decide.notReminded"] : t.Count("report.count.reminder", reminders);
            rows.Add(WithCode(string.Join(", ", measures.Select(m => m.Code).Where(x => !string.IsNullOrWhiteSpace(x))),
                [string.Join("\n", measures.Select(m => m.Title)), owner?.Name ?? ownerId, owner is null ? string.Empty : t.Organisation(owner.Organisation),
                 t["report.col.notAnswered"], t["report.noValue"], note],
                [null, null, null, ReportFills.Missing, null, null]));
        }

        WriteTable(w, Headers(t["report.col.measure"], t["report.col.owner"], t["report.col.organisation"], t["report.col.status"], t["report.col.light"], t["report.col.comment"]),
            rows, Flexible(0, 5));
    }

    /// <summary>The code column goes first when the agreement has codes, and is left out when it has none.</summary>
    (string[] Texts, string?[] Fills, bool Bold) WithCode(string code, string[] texts, string?[] fills) =>
        hasCodes ? ([code, .. texts], [null, .. fills], false) : (texts, fills, false);

    string[] Headers(params string[] headers) => hasCodes ? [t["report.col.code"], .. headers] : headers;

    int[] Flexible(params int[] columns) => hasCodes ? columns.Select(c => c + 1).ToArray() : columns;

    /// <summary>Each party's side: the kommun's and the police's measures by status, and their red lights.</summary>
    void WriteParties(OpenXmlWriter w)
    {
        w.WriteElement(ReportElements.Heading(2, t["report.parties.heading"]));
        w.WriteElement(ReportElements.Intro(t["report.parties.intro"]));
        var parties = new[] { Organisation.Kommun, Organisation.Polis };
        var measuresOf = parties.ToDictionary(p => p, p => data.Agreement.Measures.Where(m => OrganisationOf(m) == p).ToList());
        var owners = data.Agreement.AnsweringOwners();
        var missing = data.Current.MissingOwnerIds.ToHashSet(StringComparer.Ordinal);
        var rows = new List<(string[] Texts, string?[] Fills, bool Bold)>
        {
            ([t["report.parties.answered"], .. parties.Select(p =>
            {
                var of = owners.Where(o => o.Organisation == p).ToList();
                return t.Format("report.parties.ofTotal", of.Count(o => !missing.Contains(o.Id)), of.Count);
            })], [], false),
            ([t["report.parties.measures"], .. parties.Select(p => measuresOf[p].Count.ToString(t.Culture))], [], false),
        };
        foreach (var (status, _) in StatusColors)
        {
            var counts = parties.Select(p => measuresOf[p].Count(m => StatusOf(m) == status)).ToList();
            if (counts.Sum() > 0)
            {
                rows.Add(([t.Status(status), .. counts.Select(n => n.ToString(t.Culture))], [null, .. counts.Select(n => status == MeasureStatus.Delayed && n > 0 ? ReportFills.Yellow : null)], false));
            }
        }

        var unanswered = parties.Select(p => measuresOf[p].Count(m => !IsAnswered(m))).ToList();
        if (unanswered.Sum() > 0)
        {
            rows.Add(([t["report.col.notAnswered"], .. unanswered.Select(n => n.ToString(t.Culture))], [null, .. unanswered.Select(n => n > 0 ? ReportFills.Missing : null)], false));
        }

        var reds = parties.Select(p => measuresOf[p].Count(m => LightOf(m) == TrafficLight.Red)).ToList();
        rows.Add(([t["report.summary.redLights"], .. reds.Select(n => n.ToString(t.Culture))], [null, .. reds.Select(n => n > 0 ? ReportFills.Red : null)], true));
        WriteTable(w, [string.Empty, .. parties.Select(p => t.Organisation(p))], rows, 0);
    }

    void WriteChart(OpenXmlWriter w, MainDocumentPart main)
    {
        var areas = data.Agreement.FocusAreas;
        var series = StatusColors
            .Select(sc => new ReportChartSeries(t.Status(sc.Status), sc.Color, areas.Select(a => StatusCount(a.Id, sc.Status)).ToList()))
            .Append(new ReportChartSeries(t["report.col.notAnswered"], NoAnswerColor, areas.Select(a => UnansweredIn(a.Id)).ToList(), Hatched: true))
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

    /// <summary>"11 åtgärder: 3 genomförda, 1 försenad och 2 utan svar." Only counts above zero are named.</summary>
    string AreaSummary(string areaId, int measureCount)
    {
        var parts = StatusColors
            .Select(sc => (Count: StatusCount(areaId, sc.Status), Key: $"report.count.{sc.Status}"))
            .Append((Count: UnansweredIn(areaId), Key: "report.count.NoAnswer"))
            .Where(p => p.Count > 0)
            .Select(p => t.Count(p.Key, p.Count))
            .ToList();
        return t.Format("report.area.summary", t.Count("report.count.measure", measureCount), t.List(parts));
    }

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

            w.WriteElement(ReportElements.Plain(measures.Count == 0 ? t["report.area.noMeasures"] : AreaSummary(area.Id, measures.Count)));

            w.WriteElement(ReportElements.Heading(2, t["report.area.measures"]));
            var rows = measures.Select(measure =>
            {
                var owner = ownerById.GetValueOrDefault(measure.OwnerId);
                var answer = outcomeByMeasure.GetValueOrDefault(measure.Id)?.Answer;
                var light = LightOf(measure);
                var comment = ReportTextSanitizer.Truncate(ReportTextSanitizer.Clean(answer?.Comment), CommentPreviewLength, "…");
                return WithCode(measure.Code ?? string.Empty,
                    [measure.Title, owner?.Name ?? measure.OwnerId, owner is null ? string.Empty : t.Organisation(owner.Organisation),
                     StatusOf(measure) is { } s ? t.Status(s) : t["report.notAnswered"], light is { } li ? t.Light(li) : t["report.noValue"], comment],
                    [null, null, null, answer is null ? ReportFills.Missing : null, ReportFills.For(light), null]);
            }).ToList();
            WriteTable(w, Headers(t["report.col.measure"], t["report.col.owner"], t["report.col.organisation"], t["report.col.status"], t["report.col.light"], t["report.col.comment"]),
                rows, Flexible(0, 5));
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

        w.WriteElement(ReportElements.Intro(t["report.area.indicatorsIntro"]));
        var years = earlier.TakeLast(3).ToList();
        string[] headers = [t["report.col.indicator"], t["report.col.baseline"], .. years.Select(y => y.Year.ToString(t.Culture)), data.Cycle.Year.ToString(t.Culture),
            t["report.col.target"], t["report.col.change"], t["report.col.attainment"]];
        var rows = new List<(string[] Texts, string?[] Fills, bool Bold)>();
        foreach (var (measure, indicator) in indicators)
        {
            var key = CycleAggregate.IndicatorKey(measure.Id, indicator.Id);
            decimal? current = data.Current.IndicatorValues.TryGetValue(key, out var v) ? v : null;
            var previous = earlier.Select(y => y.IndicatorValues.TryGetValue(key, out var pv) ? pv : (decimal?)null).LastOrDefault(x => x is not null) ?? indicator.Baseline;
            var (changeText, changeFill) = Change(indicator.Direction, previous, current);
            var (attainmentText, attainmentFill) = Attainment(TargetAttainment.Of(indicator, current));

            // The indicator names its measure, so a row read on its own still says what it follows up.
            var name = $"{indicator.Name} ({indicator.Unit})\n{t.Format("report.indicator.measure", string.IsNullOrWhiteSpace(measure.Code) ? measure.Title : measure.Code)}";
            rows.Add((
                [name, Value(indicator.Baseline), .. years.Select(y => Value(y.IndicatorValues.TryGetValue(key, out var yv) ? yv : null)), Value(current), Value(indicator.Target), changeText, attainmentText],
                [null, null, .. years.Select(_ => (string?)null), null, null, changeFill, attainmentFill],
                false));
        }

        WriteTable(w, headers, rows, 0);
    }

    string Value(decimal? value) => value is { } v ? t.Number(v) : t["report.noValue"];

    /// <summary>
    /// The arrow shows where the value went (▲ up, ▼ down) since the latest earlier value (or the baseline); the word
    /// and colour whether that is good, by the indicator's direction: fewer injuries is ▼ and an improvement.
    /// </summary>
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

        var arrow = c > p ? "▲" : "▼";
        var better = (c > p) == (direction == IndicatorDirection.HigherIsBetter);
        return better ? ($"{arrow} {t["report.change.better"]}", ReportFills.Better) : ($"{arrow} {t["report.change.worse"]}", ReportFills.Worse);
    }

    (string Text, string? Fill) Attainment(TargetAttainment a) => a.Kind switch
    {
        TargetAttainmentKind.Reached => (t["report.attainment.reached"], ReportFills.Better),
        TargetAttainmentKind.Partway => (t.Format("report.attainment.partway", (double)a.Share), null),
        TargetAttainmentKind.Worse => (t["report.attainment.worse"], ReportFills.Worse),
        TargetAttainmentKind.NotReached => (t["report.attainment.notReached"], null),
        _ => (t["report.noValue"], null),
    };

    void WriteMissing(OpenXmlWriter w)
    {
        var c = data.Current;
        var progress = data.Owners.GroupBy(o => o.OwnerId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        WriteChapterHeading(w, MissingKey);
        var missingText = c.MissingOwnerIds.Count == 0
            ? t["report.missing.none"]
            : t.Format("report.missing.intro", c.MissingOwnerIds.Count, c.OwnersTotal);
        w.WriteElement(c.MissingOwnerIds.Count == 0 ? ReportElements.Plain(missingText) : ReportElements.Intro(missingText));

        // Who needed reminding before answering tells the steering group as much as who never answered.
        var missing = c.MissingOwnerIds.ToHashSet(StringComparer.Ordinal);
        var reminded = data.Owners
            .Where(o => o.RemindersSent > 0 && !missing.Contains(o.OwnerId))
            .OrderBy(o => ownerById.GetValueOrDefault(o.OwnerId)?.Name ?? o.OwnerId, StringComparer.Ordinal)
            .Select(o => t.Format("report.missing.remindedItem", ownerById.GetValueOrDefault(o.OwnerId)?.Name ?? o.OwnerId, t.Count("report.count.reminder", o.RemindersSent)))
            .ToList();

        if (c.MissingOwnerIds.Count > 0)
        {
            var rows = c.MissingOwnerIds.Order(StringComparer.Ordinal).Select(ownerId =>
            {
                var owner = ownerById.GetValueOrDefault(ownerId);
                var p = progress.GetValueOrDefault(ownerId);
                return (new[]
                {
                    owner is null ? ownerId : $"{owner.Name}\n{owner.Title}".TrimEnd(),
                    owner is null ? string.Empty : t.Organisation(owner.Organisation),
                    string.Join("\n", data.Agreement.MeasuresOf(ownerId).Select(m => m.Label)),
                    (p?.RemindersSent ?? 0).ToString(t.Culture),
                    p?.LastRemindedUtc is { } r ? t.Date(r) : t["report.missing.neverReminded"],
                }, Array.Empty<string?>(), false);
            }).ToList();
            WriteTable(w, [t["report.col.owner"], t["report.col.organisation"], t["report.col.measureCount"], t["report.col.reminders"], t["report.col.lastReminded"]], rows, 2);
        }

        if (reminded.Count > 0)
        {
            w.WriteElement(ReportElements.Plain(t.Format("report.missing.remindedAnswered", t.List(reminded))));
        }

        // Late answers count, but the steering group should see that they came late and when.
        var late = LateAnswers();
        w.WriteElement(ReportElements.Heading(2, t["report.late.heading"]));
        if (late.Count == 0)
        {
            w.WriteElement(ReportElements.Plain(t.Format("report.late.none", t.Time(data.Cycle.FirstDeadlineUtc))));
            return;
        }

        w.WriteElement(ReportElements.Intro(data.Cycle.DeadlineUtc > data.Cycle.FirstDeadlineUtc
            ? t.Format("report.late.introExtended", t.Time(data.Cycle.FirstDeadlineUtc), t.Time(data.Cycle.DeadlineUtc))
            : t.Format("report.late.intro", t.Time(data.Cycle.DeadlineUtc))));
        WriteTable(w, [t["report.col.owner"], t["report.col.organisation"], t["report.col.submitted"], t["report.col.late"]],
            late.Select(l => (new[] { l.Owner.Name, t.Organisation(l.Owner.Organisation), t.Time(l.Submitted), t[$"report.late.kind.{l.Timing}"] }, new string?[] { null, null, null, ReportFills.Yellow }, false)).ToList(),
            3);
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
                w.WriteElement(ReportElements.Heading(3, measure.Label));
                var who = owner is null ? measure.OwnerId : $"{owner.Name}, {t.Organisation(owner.Organisation)}";
                var answer = outcome?.Answer;
                var meta = new Paragraph(
                    ReportElements.TextRun(t["report.col.owner"] + ": ", bold: true), ReportElements.TextRun(who + "   "),
                    ReportElements.TextRun(t["report.col.status"] + ": ", bold: true),
                    ReportElements.TextRun((answer?.Status is { } s ? t.Status(s) : t["report.notAnswered"]) + "   "),
                    ReportElements.TextRun(t["report.col.light"] + ": ", bold: true),
                    ReportElements.TextRun(answer?.Light is { } l ? t.Light(l) : t["report.noValue"]));
                if (answer is not null && outcome?.SubmittedUtc is { } submitted)
                {
                    var timing = AnswerTimings.Of(data.Cycle, submitted);
                    meta.AppendChild(new Run(new Break()));
                    meta.AppendChild(timing == AnswerTiming.OnTime
                        ? ReportElements.TextRun(t.Format("report.appendix.submitted", t.Time(submitted)))
                        : ReportElements.TextRun(LateText(timing, submitted), bold: true));
                }

                w.WriteElement(meta);
                if (outcome?.AnsweredBy is { } answeredBy)
                {
                    w.WriteElement(ReportElements.Plain(t.Format("report.appendix.answeredByReplaced", answeredBy.Name, owner?.Name ?? measure.OwnerId)));
                }

                foreach (var earlier in (data.ReplacedOwnersAnswers ?? []).Where(a => a.MeasureId == measure.Id))
                {
                    var by = ownerById.GetValueOrDefault(earlier.OwnerId)?.Name ?? earlier.OwnerId;
                    w.WriteElement(ReportElements.Plain(t.Format("report.appendix.earlierAnswer", by, t.Date(earlier.SavedUtc),
                        earlier.Answer.Status is { } es ? t.Status(es) : t["report.notAnswered"], Or(earlier.Answer.Comment))));
                }

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
