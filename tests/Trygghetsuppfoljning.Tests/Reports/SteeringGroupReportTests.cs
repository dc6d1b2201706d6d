using DocumentFormat.OpenXml.Wordprocessing;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Reports;
using Trygghetsuppfoljning.Workflows.Templates;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Trygghetsuppfoljning.Tests.Reports;

/// <summary>What a kommundirektör and a lokalpolisområdeschef need from the report in five minutes.</summary>
public sealed class SteeringGroupReportTests
{
    static readonly TextCatalog Texts = new(SampleReportData.Templates());

    static Indicator Lower(decimal baseline, decimal target) => new("x", "X", "antal", baseline, target, IndicatorDirection.LowerIsBetter);

    static Indicator Higher(decimal baseline, decimal target) => new("x", "X", "antal", baseline, target, IndicatorDirection.HigherIsBetter);

    [Theory]
    [InlineData(18, 25, 23, TargetAttainmentKind.Partway, 5.0 / 7)]
    [InlineData(18, 25, 25, TargetAttainmentKind.Reached, 1)]
    [InlineData(18, 25, 30, TargetAttainmentKind.Reached, 1)]
    [InlineData(18, 25, 15, TargetAttainmentKind.Worse, -3.0 / 7)]
    public void Attainment_when_higher_is_better_is_the_share_of_the_way_up(int baseline, int target, int value, TargetAttainmentKind kind, double share)
    {
        var a = TargetAttainment.Of(Higher(baseline, target), value);

        Assert.Equal(kind, a.Kind);
        Assert.Equal(share, (double)a.Share, 6);
    }

    [Theory]
    [InlineData(42, 30, 38, TargetAttainmentKind.Partway, 4.0 / 12)]
    [InlineData(42, 30, 30, TargetAttainmentKind.Reached, 1)]
    [InlineData(42, 30, 29, TargetAttainmentKind.Reached, 1)]
    [InlineData(42, 30, 45, TargetAttainmentKind.Worse, -3.0 / 12)]
    public void Attainment_when_lower_is_better_counts_a_fall_as_progress(int baseline, int target, int value, TargetAttainmentKind kind, double share)
    {
        var a = TargetAttainment.Of(Lower(baseline, target), value);

        Assert.Equal(kind, a.Kind);
        Assert.Equal(share, (double)a.Share, 6);
    }

    [Fact]
    public void Attainment_without_a_value_or_target_is_unknown_and_without_a_baseline_only_reached_or_not()
    {
        Assert.Equal(TargetAttainmentKind.Unknown, TargetAttainment.Of(Lower(42, 30), null).Kind);
        Assert.Equal(TargetAttainmentKind.Unknown, TargetAttainment.Of(new Indicator("x", "X", "st", 3, null), 4).Kind);
        Assert.Equal(TargetAttainmentKind.NotReached, TargetAttainment.Of(new Indicator("x", "X", "st", null, 10), 4).Kind);
        Assert.Equal(TargetAttainmentKind.Reached, TargetAttainment.Of(new Indicator("x", "X", "st", null, 10), 12).Kind);
    }

    [Fact]
    public void Indicator_rows_show_the_value_direction_with_an_arrow_and_good_or_bad_with_word_and_colour()
    {
        using var report = ReportDocument.Generate(SampleReportData.Create());

        // Traffic injuries fell from 28 to 26, lower is better: a fall, and good news. Target 20 from baseline 31: 5 of 11.
        var injuries = IndicatorRow(report, "Trafikskadade");
        Assert.Equal("▼ " + Texts.Get("sv", "report.change.better"), injuries[6].InnerText);
        Assert.Equal(ReportFills.Better, injuries[6].TableCellProperties?.Shading?.Fill?.Value);
        Assert.Equal("45 % av vägen", injuries[7].InnerText.Replace('\u00A0', ' '));

        // Safety survey rose from 85 to 86, higher is better.
        var safe = IndicatorRow(report, "Invånare som känner sig trygga");
        Assert.Equal("▲ " + Texts.Get("sv", "report.change.better"), safe[6].InnerText);

        // Business breakfasts: 5 against a target of 6 from 2; SSPF: 23 of 25 from 18.
        Assert.Equal("75 % av vägen", IndicatorRow(report, "Näringslivsträffar")[7].InnerText.Replace('\u00A0', ' '));
    }

    [Fact]
    public void Indicator_rows_name_their_measure_by_code()
    {
        using var report = ReportDocument.Generate(SampleReportData.Create());

        Assert.Contains("Åtgärd: P-02", IndicatorRow(report, "Narkotikaärenden")[0].InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public void Target_met_is_said_in_words_and_green()
    {
        var data = SampleReportData.Create();
        var key = CycleAggregate.IndicatorKey("m07", "trafikskadade");
        var values = new Dictionary<string, decimal>(data.Current.IndicatorValues) { [key] = 19 };
        using var report = ReportDocument.Generate(data with { Current = data.Current with { IndicatorValues = values } });

        var cell = IndicatorRow(report, "Trafikskadade")[7];
        Assert.Equal(Texts.Get("sv", "report.attainment.reached"), cell.InnerText);
        Assert.Equal(ReportFills.Better, cell.TableCellProperties?.Shading?.Fill?.Value);
    }

    [Fact]
    public void Decisions_list_every_red_or_delayed_measure_and_every_missing_owner_right_after_the_key_figures()
    {
        using var report = ReportDocument.Generate(SampleReportData.Create());
        var headings = report.ParagraphsWithStyle("Heading2").ToList();
        Assert.Equal(headings.IndexOf(Texts.Get("sv", "report.summary.keyFigures")) + 1, headings.IndexOf(Texts.Get("sv", "report.decide.heading")));

        var rows = TableAfter(report, Texts.Get("sv", "report.decide.heading")).Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["P-02", "Riktade insatser mot narkotika i ungdomsmiljöer", "Johan Ek", "Polisen", "Pågår enligt plan", "Röd"], rows[0].Take(6));
        Assert.StartsWith("Antalet narkotikaärenden", rows[0][6], StringComparison.Ordinal);
        Assert.Equal(["K-04", "Ombyggnad av olycksdrabbade korsningar i centrala Höganäs", "Karin Sjöberg", "Kommunen", "Försenad"], rows[1].Take(5));
        Assert.Equal(["K-05", "Trygghetsvandringar i centrum tillsammans med handlare", "Erik Dahl", "Kommunen", "Utan svar"], rows[2].Take(5));
        Assert.Equal("2 påminnelser", rows[2][6]);
    }

    [Fact]
    public void Summary_splits_status_and_red_lights_between_kommun_and_polis()
    {
        using var report = ReportDocument.Generate(SampleReportData.Create());
        var table = TableAfter(report, Texts.Get("sv", "report.parties.heading"));
        var rows = table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();

        Assert.Equal(["", "Kommunen", "Polisen"], rows[0]);
        Assert.Equal(["Ansvariga som har svarat", "3 av 4", "2 av 2"], rows.Single(r => r[0] == "Ansvariga som har svarat"));
        Assert.Equal(["Åtgärder", "6", "5"], rows.Single(r => r[0] == "Åtgärder"));
        Assert.Equal(["Åtgärder med rött trafikljus", "0", "1"], rows.Single(r => r[0] == "Åtgärder med rött trafikljus"));
        Assert.Equal(["Försenad", "1", "0"], rows.Single(r => r[0] == "Försenad"));
        Assert.DoesNotContain(rows, r => r[0] == "Avbruten"); // no row of zeros
    }

    [Fact]
    public void Area_summaries_use_singular_and_plural_and_name_no_zero_counts()
    {
        using var report = ReportDocument.Generate(SampleReportData.Create());
        var text = report.Text;

        Assert.Contains("6 åtgärder: 3 genomförda och 3 pågår enligt plan.", text);
        Assert.Contains("3 åtgärder: 1 pågår enligt plan, 1 försenad och 1 ej påbörjad.", text);
        Assert.Contains("2 åtgärder: 1 genomförd och 1 utan svar.", text);
        Assert.Contains("En åtgärd har rött trafikljus.", text);
        Assert.DoesNotContain(" 0 ", text.Split('\n').Where(l => l.Contains("åtgärder:", StringComparison.Ordinal)));
    }

    [Fact]
    public void English_area_summaries_read_naturally()
    {
        using var report = ReportDocument.Generate(SampleReportData.Create("en"));

        Assert.Contains("2 measures: 1 completed and 1 without an answer.", report.Text);
        Assert.Contains("One measure shows a red traffic light.", report.Text);
    }

    [Fact]
    public void The_traffic_light_has_the_same_name_as_in_form_and_mail()
    {
        using var report = ReportDocument.Generate(SampleReportData.Create());

        Assert.Equal(Texts.Get("sv", "form.light"), Texts.Get("sv", "report.col.light"));
        Assert.DoesNotContain("lampa", report.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(10, 0, AnswerTiming.OnTime)]
    [InlineData(11, 0, AnswerTiming.AfterDeadline)]
    public void Answer_after_a_deadline_never_extended_is_after_the_deadline(int hour, int minute, AnswerTiming expected)
    {
        var cycle = new Cycle("a", 2025, At(1, 9), At(3, 10), CycleState.Closed);

        Assert.Equal(expected, AnswerTimings.Of(cycle, At(3, hour, minute)));
    }

    [Fact]
    public void Answer_after_an_extended_deadline_is_within_or_after_the_extension()
    {
        var cycle = new Cycle("a", 2025, At(1, 9), At(10, 10), CycleState.Closed, OriginalDeadlineUtc: At(3, 10));

        Assert.Equal(AnswerTiming.OnTime, AnswerTimings.Of(cycle, At(3, 10)));
        Assert.Equal(AnswerTiming.WithinExtension, AnswerTimings.Of(cycle, At(5, 10)));
        Assert.Equal(AnswerTiming.AfterExtension, AnswerTimings.Of(cycle, At(10, 11)));
    }

    [Fact]
    public void Late_answers_are_marked_with_their_time_in_the_report()
    {
        var data = SampleReportData.Create();

        // Answers came 09:00, 10:00, 11:00 … UTC on 3 February; the first deadline was 10:30 UTC, extended to 12:30 UTC.
        var cycle = data.Cycle with { OriginalDeadlineUtc = new DateTimeOffset(2026, 2, 3, 10, 30, 0, TimeSpan.Zero), DeadlineUtc = new DateTimeOffset(2026, 2, 3, 12, 30, 0, TimeSpan.Zero) };
        using var report = ReportDocument.Generate(data with { Cycle = cycle });
        var text = report.Text;

        Assert.Contains("Inskickat 3 februari 2026 kl. 12:00, efter den ursprungliga sista svarsdagen men inom förlängningen", text);
        Assert.Contains("Inskickat 3 februari 2026 kl. 14:00, efter den förlängda sista svarsdagen", text);
        Assert.Contains("Inskickat 3 februari 2026 kl. 10:00", text);
        var late = TableAfter(report, Texts.Get("sv", "report.late.heading")).Elements<TableRow>().Skip(1).ToList();
        Assert.Equal(3, late.Count); // 11:00, 12:00 and 13:00 UTC; Erik Dahl never answered
    }

    [Fact]
    public void Header_rows_carry_the_templates_header_colours_so_libreoffice_shows_them_readable()
    {
        using var report = ReportDocument.Generate(SampleReportData.Create());
        var header = report.Main.Document.Body!.Descendants<Table>().First().Elements<TableRow>().First();

        foreach (var cell in header.Elements<TableCell>())
        {
            Assert.Equal("1F4E79", cell.TableCellProperties?.Shading?.Fill?.Value, ignoreCase: true);
            Assert.All(cell.Descendants<Run>(), r => Assert.Equal("FFFFFF", r.RunProperties?.Color?.Val?.Value));
        }
    }

    [Fact]
    public void Rows_never_split_across_pages_and_headings_keep_with_what_follows()
    {
        using var report = ReportDocument.Generate(SampleReportData.Create());
        var body = report.Main.Document.Body!;

        Assert.All(body.Descendants<TableRow>(), r => Assert.NotNull(r.TableRowProperties?.GetFirstChild<CantSplit>()));
        Assert.All(body.Descendants<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is "Heading1" or "Heading2" or "Heading3"),
            p => Assert.NotNull(p.ParagraphProperties!.KeepNext));
    }

    [Fact]
    public void Column_widths_fit_the_longest_word_of_every_heading_and_name()
    {
        using var report = ReportDocument.Generate(SampleReportData.Create());
        foreach (var table in report.Main.Document.Body!.Descendants<Table>())
        {
            var widths = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(g => int.Parse(g.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var header = table.Elements<TableRow>().First().Elements<TableCell>().Select(c => c.InnerText).ToList();
            for (var i = 0; i < header.Count; i++)
            {
                var longest = header[i].Split(' ').Max(w => w.Length);
                Assert.True(widths[i] >= (longest * 100) + 170, $"'{header[i]}' gets {widths[i]} twips.");
            }
        }
    }

    [Fact]
    public void No_answer_is_hatched_in_the_chart_so_it_differs_from_not_started_in_greyscale()
    {
        using var report = ReportDocument.Generate(SampleReportData.Create());
        var series = report.Main.ChartParts.Single().ChartSpace.Descendants<C.BarChartSeries>().ToList();

        var noAnswer = series.Single(s => s.SeriesText!.InnerText.EndsWith(Texts.Get("sv", "report.col.notAnswered"), StringComparison.Ordinal));
        var notStarted = series.Single(s => s.SeriesText!.InnerText.EndsWith(Texts.Status("sv", MeasureStatus.NotStarted), StringComparison.Ordinal));
        Assert.NotNull(noAnswer.ChartShapeProperties!.GetFirstChild<A.PatternFill>());
        Assert.Null(notStarted.ChartShapeProperties!.GetFirstChild<A.PatternFill>());
    }

    [Fact]
    public void English_report_is_marked_english_for_spell_checking()
    {
        using var en = ReportDocument.Generate(SampleReportData.Create("en"));
        using var sv = ReportDocument.Generate(SampleReportData.Create());

        Assert.Equal("en-GB", en.Main.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.Languages!.Val!.Value);
        Assert.Equal("sv-SE", sv.Main.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.Languages!.Val!.Value);
    }

    static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 2, day, hour, minute, 0, TimeSpan.Zero);

    static List<TableCell> IndicatorRow(ReportDocument report, string nameStart) =>
        report.Main.Document.Body!.Descendants<TableRow>().First(r => r.InnerText.StartsWith(nameStart, StringComparison.Ordinal)).Elements<TableCell>().ToList();

    static Table TableAfter(ReportDocument report, string heading)
    {
        var body = report.Main.Document.Body!;
        var start = body.Elements().First(e => e is Paragraph p && p.InnerText == heading);
        return start.ElementsAfter().OfType<Table>().First();
    }
}
