using Trygghetsuppfoljning.Tests.Reports;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Reports;

namespace Trygghetsuppfoljning.Tests.Citizens;

/// <summary>
/// A generated agreement in which every piece of personal or internal text is a unique marker string: owner names
/// and e-mails, the coordinator, the steering group, the chair, internal comments and next year's plans. Public
/// notes carry their own marker, which must appear.
/// </summary>
internal static class MarkedAgreement
{
    public const int Year = 2025;
    public static readonly string Tag = Guid.NewGuid().ToString("N")[..8];

    public static string OwnerName(int i) => $"OWNERNAME{Tag}{i}";

    public static string OwnerEmail(int i) => $"ownermail{Tag}{i}@kommun.example";

    public static string Comment(int i) => $"INTERNALCOMMENT{Tag}{i}";

    public static string Plan(int i) => $"INTERNALPLAN{Tag}{i}";

    public static string PublicNote(int i) => $"PUBLICNOTE{Tag}{i}";

    /// <summary>Every string that must never reach the public page or its .docx.</summary>
    public static IReadOnlyList<string> Secrets() =>
        [
            .. Enumerable.Range(1, 4).SelectMany(i => new[] { OwnerName(i), OwnerEmail(i), Comment(i), Plan(i), $"owner{Tag}{i}", $"TITLE{Tag}{i}" }),
            $"COORDINATOR{Tag}", $"coordinator{Tag}@kommun.example", $"STEERING{Tag}", $"steering{Tag}@kommun.example", $"CHAIR{Tag}",
        ];

    public static Agreement Agreement()
    {
        var areas = new[] { new FocusArea("unga", "Unga i riskzon"), new FocusArea("trafik", "Trafiksäkerhet") };
        var owners = Enumerable.Range(1, 4).Select(i => new Owner($"owner{Tag}{i}", OwnerName(i), OwnerEmail(i), i % 2 == 0 ? Organisation.Polis : Organisation.Kommun, $"TITLE{Tag}{i}")).ToList();
        var measures = new List<Measure>
        {
            new("m1", "unga", "Fältarbete på helgkvällar", owners[0].Id, [new Indicator("kvallar", "Kvällar med fältarbete", "st", 20, 40)]),
            new("m2", "unga", "Samtal med unga i riskzon", owners[1].Id,
                [new Indicator("timmar", "Timmar i samtal", "timmar", null, null, Kind: IndicatorKind.Process), new Indicator("brott", "Anmälda brott bland unga", "antal", 50, 35, IndicatorDirection.LowerIsBetter, IndicatorKind.Effekt)]),
            new("m3", "trafik", "Hastighetskontroller", owners[2].Id, [new Indicator("skadade", "Skadade i trafiken", "antal", 30, 20, IndicatorDirection.LowerIsBetter, IndicatorKind.Effekt)]),
            new("m4", "trafik", "Ny belysning på skolvägar", owners[3].Id, []),
        };
        return new Agreement(
            "provkommun", "Samverkansöverenskommelse Provkommun", "Provkommun", "Lokalpolisområde Prov", new DateOnly(2024, 3, 1), $"CHAIR{Tag}", "Vi lovar en tryggare kommun.",
            new Recipient($"COORDINATOR{Tag}", $"coordinator{Tag}@kommun.example", "Trygghetssamordnare"),
            [new Recipient($"STEERING{Tag}", $"steering{Tag}@kommun.example")],
            areas, measures, owners, [],
            Promises: [new CitizenPromiseItem("unga", "Färre unga ska hamna i brott.", ["m1", "m2"]), new CitizenPromiseItem("trafik", "Säkrare vägar till skolan.", ["m3", "m4"])],
            SituationPicture: new DocumentReference("Lägesbild 2024", new DateOnly(2024, 11, 1)));
    }

    public static IReadOnlyList<EffectFigure> Effects() =>
        [
            new(CycleIds.For("provkommun", Year), "m2", "brott", 41, "Polisens statistik", new DateOnly(2026, 1, 10), $"COORDINATOR{Tag}", DateTimeOffset.UnixEpoch),
            new(CycleIds.For("provkommun", Year), "m3", "skadade", 26, "Strada", new DateOnly(2026, 1, 20), $"COORDINATOR{Tag}", DateTimeOffset.UnixEpoch),
        ];

    public static ReportData ReportData()
    {
        var agreement = Agreement();
        var cycle = new Cycle(agreement.Id, Year, new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero), new(2026, 2, 13, 9, 0, 0, TimeSpan.Zero), CycleState.Closed, new(2026, 2, 20, 9, 0, 0, TimeSpan.Zero));
        MeasureAnswer Answer(int i, MeasureStatus status, Dictionary<string, decimal?> values) =>
            new($"m{i}", status, status == MeasureStatus.Delayed ? TrafficLight.Red : TrafficLight.Green, Comment(i), values, Plan(i), PublicNote(i));
        var answers = new[]
        {
            Answer(1, MeasureStatus.Completed, new() { ["kvallar"] = 42 }),
            Answer(2, MeasureStatus.OnTrack, new() { ["timmar"] = 120 }),
            Answer(3, MeasureStatus.Delayed, []),
            Answer(4, MeasureStatus.NotStarted, []),
        };
        var responses = agreement.Owners.Select((o, i) => new OwnerResponse(cycle.Id, o.Id, 1, ResponseKind.Submitted, cycle.DeadlineUtc.AddDays(-i - 1), [answers[i]])).ToList();
        var current = CycleAggregator.Aggregate(agreement, Year, responses);
        var outcomes = agreement.Measures.Select((m, i) => new MeasureOutcome(m, agreement.OwnerOf(m), answers[i], responses[i].SavedUtc)).ToList();
        var progress = agreement.Owners.Select(o => new OwnerProgress(cycle.Id, o.Id, cycle.StartedUtc, 0, null, null, cycle.DeadlineUtc, false)).ToList();
        return new ReportData(agreement, cycle, "sv", new DateOnly(2026, 2, 20), current, [], outcomes, progress, RevisionAssessment.For(agreement, new DateOnly(2026, 2, 20)),
            null, Effects(), new SteeringDecision(agreement.Id, Year, true, new DateOnly(2026, 3, 3), null, $"COORDINATOR{Tag}", DateTimeOffset.UnixEpoch));
    }

    public static Workflows.Templates.TemplateRenderer Renderer()
    {
        var templates = SampleReportData.Templates();
        return new Workflows.Templates.TemplateRenderer(templates, new Workflows.Templates.TextCatalog(templates));
    }
}
