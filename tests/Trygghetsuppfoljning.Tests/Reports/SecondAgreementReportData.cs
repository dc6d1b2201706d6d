using System.Text;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Import;
using Trygghetsuppfoljning.Workflows.Reports;

namespace Trygghetsuppfoljning.Tests.Reports;

/// <summary>
/// A second, generated municipality in its first year with the tool: codes on every measure, indicators where a fall
/// is good, earlier years' figures imported from CSV (so the first report has trends), a deadline extended once and
/// answers that came after it, and one owner who never answered.
/// </summary>
public static class SecondAgreementReportData
{
    public const int Year = 2025;

    public const string HistoryCsv = """
        År;Åtgärd;Indikator;Värde
        2022;K-02;Personskador i trafiken;64
        2023;K-02;Personskador i trafiken;58
        2024;K-02;Personskador i trafiken;55
        2023;P-01;Anmälda inbrott i bostad;141
        2024;P-01;Anmälda inbrott i bostad;150
        2023;K-03;Andel trygga i centrum;61,5
        2024;K-03;Andel trygga i centrum;63
        """;

    static Owner O(string id, string name, Organisation org, string title) => new(id, name, $"{id}@storvik.example", org, title);

    static Measure M(string id, string code, string area, string title, string owner, params Indicator[] indicators) => new(id, area, title, owner, indicators, Code: code);

    public static Agreement Agreement() => new(
        "storvik",
        "Samverkansöverenskommelse mellan Storviks kommun och Lokalpolisområde Norrdal 2024–2027",
        "Storviks kommun",
        "Lokalpolisområde Norrdal",
        new DateOnly(2024, 3, 1),
        "Birgitta Lundqvist (S), kommunstyrelsens ordförande",
        "Vi lovar färre inbrott, tryggare centrum och säkrare skolvägar.",
        new Recipient("Oskar Engström", "oskar.engstrom@storvik.example", "Trygghetssamordnare"),
        [new Recipient("Lena Forsberg", "lena.forsberg@storvik.example", "Kommundirektör"), new Recipient("Per Wikström", "per.wikstrom@polisen.example", "Lokalpolisområdeschef")],
        [new FocusArea("centrum", "Ett tryggare centrum"), new FocusArea("trafik", "Säkra skolvägar"), new FocusArea("inbrott", "Färre bostadsinbrott")],
        [
            M("m1", "K-01", "centrum", "Bättre belysning i gångtunnlar och parker", "ahmed-yilmaz"),
            M("m2", "K-02", "trafik", "Sänkt hastighet och upphöjda övergångsställen vid skolor", "eva-lindgren",
                new Indicator("skadade", "Personskador i trafiken", "antal", 64, 40, IndicatorDirection.LowerIsBetter)),
            M("m3", "K-03", "centrum", "Trygghetsvärdar på fredagskvällar", "ahmed-yilmaz",
                new Indicator("trygga", "Andel trygga i centrum", "%", 60, 75)),
            M("m4", "K-04", "inbrott", "Grannsamverkan i villaområden", "sara-holmberg",
                new Indicator("omraden", "Områden med grannsamverkan", "st", 4, 12)),
            M("m5", "P-01", "inbrott", "Riktade insatser mot inbrottsstölder", "jonas-berglund",
                new Indicator("inbrott", "Anmälda inbrott i bostad", "antal", 150, 110, IndicatorDirection.LowerIsBetter)),
            M("m6", "P-02", "trafik", "Trafikkontroller vid skolstart", "jonas-berglund"),
            M("m7", "P-03", "centrum", "Synlig polis i centrum helgkvällar", "maja-sundin"),
        ],
        [
            O("ahmed-yilmaz", "Ahmed Yilmaz", Organisation.Kommun, "Fritidschef"),
            O("eva-lindgren", "Eva Lindgren", Organisation.Kommun, "Gatuchef"),
            O("sara-holmberg", "Sara Holmberg", Organisation.Kommun, "Folkhälsostrateg"),
            O("jonas-berglund", "Jonas Berglund", Organisation.Polis, "Kommunpolis"),
            O("maja-sundin", "Maja Sundin", Organisation.Polis, "Gruppchef"),
        ],
        []);

    static DateTimeOffset At(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    public static ReportData Create(string language = "sv")
    {
        var agreement = Agreement();
        var history = HistoryImporter.Parse(agreement, Encoding.UTF8.GetBytes(HistoryCsv));
        if (history.Errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join("\n", history.Lines));
        }

        // Deadline 13 February, extended to 20 February; closed 27 February.
        var cycle = new Cycle(agreement.Id, Year, At(1, 15, 8), At(2, 20, 16), CycleState.Closed, At(2, 27, 12), OriginalDeadlineUtc: At(2, 13, 16));
        MeasureAnswer A(string m, MeasureStatus s, TrafficLight l, string comment, params (string Id, decimal V)[] values) =>
            new(m, s, l, comment, values.ToDictionary(v => v.Id, v => (decimal?)v.V), "Fortsätter nästa år.");
        var responses = new List<OwnerResponse>
        {
            new(cycle.Id, "ahmed-yilmaz", 1, ResponseKind.Submitted, At(2, 10, 9), [
                A("m1", MeasureStatus.Completed, TrafficLight.Green, "Ny belysning i alla fyra gångtunnlar."),
                A("m3", MeasureStatus.Delayed, TrafficLight.Red, "Svårt att rekrytera trygghetsvärdar; bara hälften av kvällarna bemannade.\nNy upphandling under våren.", ("trygga", 62m))]),
            new(cycle.Id, "eva-lindgren", 2, ResponseKind.Submitted, At(2, 17, 14), [
                A("m2", MeasureStatus.OnTrack, TrafficLight.Green, "Sex av nio skolor klara.", ("skadade", 49m))]),
            new(cycle.Id, "jonas-berglund", 1, ResponseKind.Submitted, At(2, 24, 7), [
                A("m5", MeasureStatus.OnTrack, TrafficLight.Yellow, "Inbrotten minskar men långsammare än planerat.", ("inbrott", 138m)),
                A("m6", MeasureStatus.Completed, TrafficLight.Green, "Kontroller vid alla skolor vecka 34.")]),
            new(cycle.Id, "maja-sundin", 1, ResponseKind.Submitted, At(2, 12, 10), [
                A("m7", MeasureStatus.NotStarted, TrafficLight.Yellow, "Startar när bemanningen är klar i april.")]),
        };
        var current = CycleAggregator.Aggregate(agreement, Year, responses);
        var outcomes = agreement.Measures.Select(m =>
        {
            var r = responses.FirstOrDefault(x => x.OwnerId == m.OwnerId);
            return new MeasureOutcome(m, agreement.OwnerOf(m), r?.Answers.FirstOrDefault(a => a.MeasureId == m.Id), r?.SavedUtc);
        }).ToList();
        var owners = agreement.AnsweringOwners().Select(o => responses.FirstOrDefault(r => r.OwnerId == o.Id) is { } r
            ? new OwnerProgress(cycle.Id, o.Id, cycle.StartedUtc, 0, null, null, r.SavedUtc, false)
            : new OwnerProgress(cycle.Id, o.Id, cycle.StartedUtc, 3, At(2, 19, 8), null, null, ReportedMissing: true)).ToList();
        var reportDate = new DateOnly(2026, 2, 27);
        return new ReportData(agreement, cycle, language, reportDate, current, history.Years, outcomes, owners, RevisionAssessment.For(agreement, reportDate));
    }
}
