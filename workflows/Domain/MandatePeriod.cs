namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>
/// A Swedish municipal mandate period: four years from 15 October of an election year
/// (2022-10-15 → 2026-10-14, 2026-10-15 → 2030-10-14, …).
/// </summary>
public sealed record MandatePeriod(DateOnly Start, DateOnly End)
{
    // 2022 is a general election year; elections are held every fourth year since 1994.
    const int ReferenceElectionYear = 2022;

    public static MandatePeriod Containing(DateOnly date)
    {
        int offset = ((date.Year - ReferenceElectionYear) % 4 + 4) % 4;
        int electionYear = date.Year - offset;
        var start = new DateOnly(electionYear, 10, 15);
        if (date < start)
        {
            start = start.AddYears(-4);
        }

        return new MandatePeriod(start, start.AddYears(4).AddDays(-1));
    }

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public override string ToString() => $"{Start:yyyy-MM-dd} – {End:yyyy-MM-dd}";
}
