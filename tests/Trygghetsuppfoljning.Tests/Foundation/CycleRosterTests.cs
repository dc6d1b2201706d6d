using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Tests.Foundation;

public sealed class CycleRosterTests
{
    static readonly DateTimeOffset Saved = new(2026, 2, 1, 10, 0, 0, TimeSpan.Zero);

    static CycleRoster WithO2ReplacedByO4()
    {
        var roster = CycleRoster.Snapshot(TestAgreements.Small());
        var o2 = roster.Find("o2")!;
        var o4 = new RosterOwner(new Owner("o4", "Ägare Fyra", "o4@test.example", Organisation.Polis), o2.Measures);
        return roster with { Owners = [.. roster.Owners.Where(o => o.Owner.Id != "o2"), o2 with { State = RosterOwnerState.Replaced, ReplacedBy = "o4" }, o4] };
    }

    [Fact]
    public void A_snapshot_keeps_each_owners_measures_in_agreement_order_and_an_owner_row_carries_only_its_own()
    {
        var roster = CycleRoster.Snapshot(TestAgreements.Small());

        Assert.Equal(["o1", "o2", "o3"], roster.Owners.Select(o => o.Owner.Id));
        Assert.Equal(["m2", "m3"], roster.Find("o2")!.ScopedAgreement(roster.Header).Measures.Select(m => m.Id));
        Assert.Equal(TestAgreements.Small().Measures.Select(m => m.Id), roster.ToAgreement().Measures.Select(m => m.Id));
        Assert.Empty(roster.Header.Measures);
    }

    [Fact]
    public void A_replaced_owners_submitted_answer_counts_until_the_new_owner_answers_and_is_never_dropped()
    {
        var roster = WithO2ReplacedByO4();
        var agreement = roster.ToAgreement();
        OwnerResponse fromO2 = new("c", "o2", 1, ResponseKind.Submitted, Saved, [TestAgreements.Answer("m2", MeasureStatus.Delayed, TrafficLight.Red)]);

        Assert.Equal(["m1", "m2", "m3", "m4"], agreement.Measures.Select(m => m.Id));
        Assert.Equal("o4", agreement.Measures.Single(m => m.Id == "m2").OwnerId);
        Assert.Equal(MeasureStatus.Delayed, CycleAggregator.Aggregate(roster, 2025, [fromO2]).StatusByMeasure["m2"]);
        Assert.Equal("o2", AnswerSelection.Select(roster, [fromO2]).Single().OwnerId);

        // The new owner's later answer counts; o2's is still there to be listed as the replaced owner's.
        OwnerResponse fromO4 = new("c", "o4", 1, ResponseKind.Submitted, Saved.AddDays(1), [TestAgreements.Answer("m2", MeasureStatus.OnTrack, TrafficLight.Green)]);
        var aggregate = CycleAggregator.Aggregate(roster, 2025, [fromO2, fromO4]);
        Assert.Equal(MeasureStatus.OnTrack, aggregate.StatusByMeasure["m2"]);
        Assert.DoesNotContain("o2", aggregate.MissingOwnerIds);
        Assert.Equal(3, aggregate.OwnersTotal);
    }

    [Fact]
    public void An_answer_for_a_measure_the_roster_does_not_give_the_owner_counts_for_nothing()
    {
        var roster = CycleRoster.Snapshot(TestAgreements.Small());
        OwnerResponse smuggled = new("c", "o1", 1, ResponseKind.Submitted, Saved, [TestAgreements.Answer("m4", MeasureStatus.Cancelled, TrafficLight.Red)]);

        Assert.Empty(AnswerSelection.Select(roster, [smuggled]));
    }
}
