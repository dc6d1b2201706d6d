using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Reports;
using Trygghetsuppfoljning.Workflows.Templates;

namespace Trygghetsuppfoljning.Tests.Reports;

/// <summary>
/// The Höganäs demo agreement followed up for 2025: every owner but Erik Dahl answered, one measure shows a red
/// light, one is delayed, and 2023 and 2024 give the trends something to compare with.
/// </summary>
public static class SampleReportData
{
    public const int Year = 2025;
    public const string MissingOwnerId = "erik-dahl";

    /// <summary>Answered, but only after one reminder.</summary>
    public const string RemindedOwnerId = "maria-nilsson";
    public static readonly DateOnly ReportDate = new(2026, 2, 20);
    static readonly int[] EarlierYears = [2023, 2024];

    public static TemplateLoader Templates() => new("templates");

    public static Agreement Agreement() =>
        DomainJson.Deserialize<Agreement>(File.ReadAllText(Templates().PathOf("demo/hoganas.json")));

    /// <param name="comments">Replaces the comment of the named measures, e.g. with hostile text.</param>
    public static ReportData Create(string language = "sv", IReadOnlyDictionary<string, string>? comments = null, Agreement? agreement = null)
    {
        agreement ??= Agreement();
        var cycle = new Cycle(agreement.Id, Year, At(2026, 1, 15), At(2026, 2, 13), CycleState.Closed, At(2026, 2, 20));
        var answers = CurrentAnswers()
            .Select(a => comments is not null && comments.TryGetValue(a.MeasureId, out var c) ? a with { Comment = c } : a)
            .ToList();
        var responses = Responses(agreement, cycle.Id, answers, At(2026, 2, 3), skipOwner: MissingOwnerId);
        var current = CycleAggregator.Aggregate(agreement, Year, responses);
        var submittedAt = responses.ToDictionary(r => r.OwnerId, r => r.SavedUtc);
        var outcomes = agreement.Measures.Select(m =>
        {
            var owner = agreement.OwnerOf(m);
            var answered = submittedAt.TryGetValue(owner.Id, out var at);
            return new MeasureOutcome(m, owner, answered ? answers.FirstOrDefault(a => a.MeasureId == m.Id) : null, answered ? at : null);
        }).ToList();
        var owners = agreement.AnsweringOwners().Select(o => o.Id == MissingOwnerId
            ? new OwnerProgress(cycle.Id, o.Id, At(2026, 1, 15), 2, At(2026, 2, 10), null, null, ReportedMissing: true)
            : o.Id == RemindedOwnerId
                ? new OwnerProgress(cycle.Id, o.Id, At(2026, 1, 15), 1, At(2026, 2, 1), null, submittedAt[o.Id], false)
                : new OwnerProgress(cycle.Id, o.Id, At(2026, 1, 15), 0, null, null, submittedAt[o.Id], false)).ToList();
        var history = EarlierYears.Select(y => CycleAggregator.Aggregate(
            agreement, y, Responses(agreement, CycleIds.For(agreement.Id, y), EarlierAnswers(y), At(y + 1, 2, 1), skipOwner: y == 2023 ? "lars-holm" : null))).ToList();
        return new ReportData(agreement, cycle, language, ReportDate, current, history, outcomes, owners, RevisionAssessment.For(agreement, ReportDate));
    }

    static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 9, 0, 0, TimeSpan.Zero);

    static List<OwnerResponse> Responses(Agreement agreement, string cycleId, IReadOnlyList<MeasureAnswer> answers, DateTimeOffset at, string? skipOwner) =>
        agreement.AnsweringOwners()
            .Where(o => o.Id != skipOwner)
            .Select((o, i) => new OwnerResponse(cycleId, o.Id, 1, ResponseKind.Submitted, at.AddHours(i),
                answers.Where(a => agreement.Measures.Any(m => m.Id == a.MeasureId && m.OwnerId == o.Id)).ToList()))
            .ToList();

    static MeasureAnswer Answer(string measure, MeasureStatus status, TrafficLight light, string comment, string plan, params (string Id, decimal Value)[] values) =>
        new(measure, status, light, comment, values.ToDictionary(v => v.Id, v => (decimal?)v.Value), plan);

    static List<MeasureAnswer> CurrentAnswers() =>
    [
        Answer("m01", MeasureStatus.Completed, TrafficLight.Green,
            "Lägesbilden har tagits fram varje kvartal och delats i styrgruppen.", "Fortsätta med kvartalsvisa lägesbilder."),
        Answer("m02", MeasureStatus.OnTrack, TrafficLight.Green,
            "SSPF-gruppen träffas varannan vecka. Fler unga har fångats upp tidigt.", "Utvidga till högstadieskolorna i Jonstorp.", ("sspf-unga", 23m)),
        Answer("m03", MeasureStatus.OnTrack, TrafficLight.Red,
            "Antalet narkotikaärenden bland unga minskar inte i den takt vi hoppats. Resurser har behövts till andra ärenden under hösten.",
            "Förstärka med riktade kontroller under våren.", ("narkotika-unga", 38m)),
        Answer("m04", MeasureStatus.OnTrack, TrafficLight.Yellow,
            "Svårt att rekrytera vuxna till vandringarna under sommaren.", "Samarbete med föreningslivet.", ("vandringar", 19m)),
        Answer("m05", MeasureStatus.Completed, TrafficLight.Green,
            "Lektionerna har genomförts i samtliga klasser i årskurs 7–9.", "Upprepa nästa läsår."),
        Answer("m06", MeasureStatus.OnTrack, TrafficLight.Green,
            "Kontroller vid alla skolor under terminsstart.", "Fortsätta.", ("kontroller", 18m)),
        Answer("m07", MeasureStatus.Delayed, TrafficLight.Yellow,
            "Upphandlingen överklagades; byggstart flyttad till våren.", "Bygga om korsningen vid Centralgatan.", ("trafikskadade", 26m)),
        Answer("m08", MeasureStatus.NotStarted, TrafficLight.Yellow,
            "Kampanjen skjuts till nästa sommar.", "Genomföra kampanjen i maj."),
        Answer("m09", MeasureStatus.Completed, TrafficLight.Green,
            "Polisen deltog vid fem av sex frukostar.", "Fortsätta.", ("moten", 5m)),
        Answer("m10", MeasureStatus.OnTrack, TrafficLight.Green, "Inte inskickat.", "", ("foretagsklimat-trygghet", 3.5m)),
        Answer("m11", MeasureStatus.Completed, TrafficLight.Green,
            "Trygghetsmätningen genomfördes i oktober med 1 204 svar.", "Ny mätning 2027.", ("trygga", 86m)),
    ];

    static List<MeasureAnswer> EarlierAnswers(int year) =>
    [
        Answer("m01", MeasureStatus.OnTrack, TrafficLight.Green, "", ""),
        Answer("m02", MeasureStatus.OnTrack, TrafficLight.Green, "", "", ("sspf-unga", year == 2023 ? 18m : 21m)),
        Answer("m03", MeasureStatus.OnTrack, TrafficLight.Yellow, "", "", ("narkotika-unga", year == 2023 ? 42m : 37m)),
        Answer("m04", MeasureStatus.NotStarted, TrafficLight.Yellow, "", "", ("vandringar", year == 2023 ? 12m : 16m)),
        Answer("m05", year == 2023 ? MeasureStatus.NotStarted : MeasureStatus.OnTrack, TrafficLight.Green, "", ""),
        Answer("m06", MeasureStatus.OnTrack, TrafficLight.Green, "", "", ("kontroller", year == 2023 ? 10m : 15m)),
        Answer("m07", MeasureStatus.OnTrack, TrafficLight.Green, "", "", ("trafikskadade", year == 2023 ? 31m : 28m)),
        Answer("m08", MeasureStatus.NotStarted, TrafficLight.Yellow, "", ""),
        Answer("m09", MeasureStatus.OnTrack, TrafficLight.Green, "", "", ("moten", year == 2023 ? 2m : 4m)),
        Answer("m10", MeasureStatus.OnTrack, TrafficLight.Green, "", "", ("foretagsklimat-trygghet", year == 2023 ? 3.2m : 3.4m)),
        Answer("m11", MeasureStatus.OnTrack, TrafficLight.Green, "", "", ("trygga", year == 2023 ? 84m : 85m)),
    ];
}
