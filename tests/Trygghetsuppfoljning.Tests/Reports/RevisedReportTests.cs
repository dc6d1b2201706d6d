using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Reports;

namespace Trygghetsuppfoljning.Tests.Reports;

/// <summary>The report after a return round: marked as revised, also once approved, and answers from the round marked as such.</summary>
public sealed class RevisedReportTests
{
    static readonly DateOnly ReturnedOn = new(2026, 2, 24);

    static ReturnRound Round(ReturnRoundState state) => new(
        "hoganas", 2025, 1, ReturnedOn, ["anna-berg"], new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero), state,
        new DateTimeOffset(2026, 2, 25, 9, 0, 0, TimeSpan.Zero), "Samordnare", ["anna-berg"]);

    static SteeringDecision Decision(bool approved, DateOnly on) => new("hoganas", 2025, approved, on, approved ? null : "Komplettera.", "Samordnare", DateTimeOffset.UnixEpoch);

    [Fact]
    public void Report_revised_after_a_return_says_so_and_keeps_saying_so_once_approved()
    {
        var data = SampleReportData.Create();
        using (var revised = ReportDocument.Generate(data with { Decision = Decision(false, ReturnedOn), Round = Round(ReturnRoundState.Closed) }))
        {
            Assert.Contains("Reviderad efter återremiss 24 februari 2026", revised.Text, StringComparison.Ordinal);
        }

        using (var approved = ReportDocument.Generate(data with { Decision = Decision(true, new DateOnly(2026, 3, 17)), Round = Round(ReturnRoundState.Closed) }))
        {
            Assert.Contains("Fastställd av styrgruppen 17 mars 2026. Reviderad efter återremiss 24 februari 2026", approved.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Report_whose_round_is_still_open_is_not_yet_the_revised_version()
    {
        using var report = ReportDocument.Generate(SampleReportData.Create() with { Decision = Decision(false, ReturnedOn), Round = Round(ReturnRoundState.Open) });

        Assert.DoesNotContain("Reviderad", report.Text, StringComparison.Ordinal);
        Assert.Contains("Återremitterad av styrgruppen 24 februari 2026", report.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_given_after_the_cycle_closed_is_marked_as_after_the_return()
    {
        var closed = new DateTimeOffset(2026, 2, 20, 9, 0, 0, TimeSpan.Zero);
        var cycle = new Cycle("a", 2025, closed.AddDays(-30), closed.AddDays(-5), CycleState.Closed, closed);

        Assert.Equal(AnswerTiming.AfterDeadline, AnswerTimings.Of(cycle, closed.AddHours(-1)));
        Assert.Equal(AnswerTiming.AfterReturn, AnswerTimings.Of(cycle, closed.AddDays(5)));
    }
}
