using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Reports;

namespace Trygghetsuppfoljning.Bench;

/// <summary>A large but plausible agreement: many focus areas, owners with several measures, comments of realistic length.</summary>
internal static class BenchData
{
    const int Year = 2025;

    public static ReportData Create(int measureCount)
    {
        var areaCount = Math.Max(1, Math.Min(20, measureCount / 50));
        var ownerCount = Math.Max(1, measureCount / 12);
        var areas = Enumerable.Range(1, areaCount).Select(i => new FocusArea($"fa{i:00}", $"Fokusområde {i}: trygghet i stadsdel {i}", "Beskrivning av fokusområdet och varför det valts.")).ToList();
        var owners = Enumerable.Range(1, ownerCount).Select(i => new Owner($"o{i:0000}", $"Ansvarig {i}", $"o{i}@kommun.example", i % 3 == 0 ? Organisation.Polis : Organisation.Kommun, "Handläggare")).ToList();
        var measures = Enumerable.Range(1, measureCount).Select(i => new Measure(
            $"m{i:00000}",
            areas[i % areaCount].Id,
            $"Åtgärd {i}: samverkan kring trygghet, ordning och brottsförebyggande arbete",
            owners[i % ownerCount].Id,
            i % 3 == 0 ? [new Indicator($"i{i}", $"Indikator för åtgärd {i}", "antal", 40, 30, i % 2 == 0 ? IndicatorDirection.LowerIsBetter : IndicatorDirection.HigherIsBetter)] : []))
            .ToList();
        var agreement = new Agreement("bench", "Samverkansöverenskommelse (benchmark)", "Exempelstads kommun", "Lokalpolisområde Exempel",
            new DateOnly(2023, 3, 1), "Ordförande", "Medborgarlöfte.", new Recipient("Samordnare", "s@kommun.example"), [],
            areas, measures, owners, []);
        var cycle = new Cycle(agreement.Id, Year, new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 2, 13, 0, 0, 0, TimeSpan.Zero), CycleState.Closed);

        var missing = owners.Where((_, i) => i % 20 == 7).Select(o => o.Id).ToHashSet();
        var current = Responses(agreement, Year, missing);
        var aggregate = CycleAggregator.Aggregate(agreement, Year, current);
        var history = new[] { Year - 2, Year - 1 }.Select(y => CycleAggregator.Aggregate(agreement, y, Responses(agreement, y, []))).ToList();
        var answers = current.SelectMany(r => r.Answers).ToDictionary(a => a.MeasureId);
        var outcomes = measures.Select(m => new MeasureOutcome(m, agreement.OwnerOf(m), answers.GetValueOrDefault(m.Id),
            missing.Contains(m.OwnerId) ? null : cycle.DeadlineUtc.AddDays(-3))).ToList();
        var progress = owners.Select(o => new OwnerProgress(cycle.Id, o.Id, cycle.StartedUtc, missing.Contains(o.Id) ? 2 : 0,
            missing.Contains(o.Id) ? cycle.DeadlineUtc.AddDays(-2) : null, null, missing.Contains(o.Id) ? null : cycle.DeadlineUtc.AddDays(-3), missing.Contains(o.Id))).ToList();
        var reportDate = new DateOnly(2026, 2, 20);
        return new ReportData(agreement, cycle, "sv", reportDate, aggregate, history, outcomes, progress, RevisionAssessment.For(agreement, reportDate));
    }

    static List<OwnerResponse> Responses(Agreement agreement, int year, HashSet<string> missing) =>
        agreement.Owners.Where(o => !missing.Contains(o.Id)).Select(o => new OwnerResponse(
            CycleIds.For(agreement.Id, year), o.Id, 1, ResponseKind.Submitted, new DateTimeOffset(year + 1, 2, 1, 0, 0, 0, TimeSpan.Zero),
            agreement.MeasuresOf(o.Id).Select(m => Answer(m, year)).ToList())).ToList();

    static MeasureAnswer Answer(Measure m, int year)
    {
        var n = int.Parse(m.Id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture) + year;
        var statuses = Enum.GetValues<MeasureStatus>();
        var lights = Enum.GetValues<TrafficLight>();
        return new MeasureAnswer(
            m.Id,
            statuses[n % statuses.Length],
            lights[(n / 5) % lights.Length],
            $"Arbetet har under året genomförts tillsammans med skola, socialtjänst och polis. Uppföljning {n}: resultatet är i stort enligt plan, men bemanningen under sommaren har varit ansträngd.",
            m.Indicators.ToDictionary(i => i.Id, _ => (decimal?)(n % 50)),
            "Fortsätta arbetet och följa upp i styrgruppen varje kvartal.");
    }
}
