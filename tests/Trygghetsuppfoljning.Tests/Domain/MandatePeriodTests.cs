using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Tests.Domain;

public sealed class MandatePeriodTests
{
    [Theory]
    [InlineData("2026-10-14", "2022-10-15", "2026-10-14")]
    [InlineData("2026-10-15", "2026-10-15", "2030-10-14")]
    [InlineData("2025-01-01", "2022-10-15", "2026-10-14")]
    [InlineData("2022-10-14", "2018-10-15", "2022-10-14")]
    [InlineData("2030-12-31", "2030-10-15", "2034-10-14")]
    public void Mandate_period_runs_four_years_from_15_October_of_the_election_year(string date, string start, string end)
    {
        var period = MandatePeriod.Containing(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
    }
}
