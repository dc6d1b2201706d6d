using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Tests.Domain;

public sealed class CycleAggregatorTests
{
    static readonly DateTimeOffset Saved = new(2026, 2, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Owner_without_a_submitted_revision_is_missing_and_their_measures_unanswered()
    {
        var agreement = TestAgreements.Small();
        OwnerResponse[] responses =
        [
            new("c", "o1", 1, ResponseKind.Submitted, Saved, [TestAgreements.Answer("m1", MeasureStatus.OnTrack, TrafficLight.Green, 35)]),
            new("c", "o2", 1, ResponseKind.Submitted, Saved, [TestAgreements.Answer("m2", MeasureStatus.Delayed, TrafficLight.Red), TestAgreements.Answer("m3", MeasureStatus.Completed, TrafficLight.Green)]),
            new("c", "o3", 1, ResponseKind.Draft, Saved, [TestAgreements.Answer("m4", MeasureStatus.Completed, TrafficLight.Green)]),
        ];

        var aggregate = CycleAggregator.Aggregate(agreement, 2025, responses);

        Assert.Equal(["o3"], aggregate.MissingOwnerIds);
        Assert.Equal(3, aggregate.OwnersTotal);
        Assert.Equal(2, aggregate.OwnersAnswered);
        Assert.Equal(3, aggregate.MeasuresAnswered);
        Assert.Equal(1, aggregate.RedLights);
        Assert.False(aggregate.StatusByMeasure.ContainsKey("m4"));
        Assert.Equal(1, aggregate.StatusCountsByFocusArea["unga"][MeasureStatus.Delayed]);
        Assert.Equal(1, aggregate.StatusCountsByFocusArea["trafik"][MeasureStatus.Completed]);
        Assert.Equal(35m, aggregate.IndicatorValues[CycleAggregate.IndicatorKey("m1", "i1")]);
        Assert.Equal(2.0 / 3, aggregate.ResponseRate, 3);
    }

    [Fact]
    public void Latest_submitted_revision_counts_and_answers_for_someone_elses_measure_are_ignored()
    {
        var agreement = TestAgreements.Small();
        OwnerResponse[] responses =
        [
            new("c", "o1", 1, ResponseKind.Submitted, Saved, [TestAgreements.Answer("m1", MeasureStatus.NotStarted, TrafficLight.Yellow)]),
            new("c", "o1", 2, ResponseKind.Submitted, Saved, [TestAgreements.Answer("m1", MeasureStatus.Completed, TrafficLight.Green), TestAgreements.Answer("m4", MeasureStatus.Cancelled, TrafficLight.Red)]),
        ];

        var aggregate = CycleAggregator.Aggregate(agreement, 2025, responses);

        Assert.Equal(MeasureStatus.Completed, aggregate.StatusByMeasure["m1"]);
        Assert.False(aggregate.StatusByMeasure.ContainsKey("m4"));
        Assert.Equal(0, aggregate.RedLights);
    }

    [Fact]
    public void Aggregate_survives_a_json_round_trip_for_storage()
    {
        var aggregate = CycleAggregator.Aggregate(TestAgreements.Small(), 2025,
            [new OwnerResponse("c", "o1", 1, ResponseKind.Submitted, Saved, [TestAgreements.Answer("m1", MeasureStatus.OnTrack, TrafficLight.Red, 12.5m)])]);

        var copy = DomainJson.Deserialize<CycleAggregate>(DomainJson.Serialize(aggregate));

        Assert.Equal(aggregate.StatusByMeasure, copy.StatusByMeasure);
        Assert.Equal(aggregate.IndicatorValues, copy.IndicatorValues);
        Assert.Equal(aggregate.StatusCountsByFocusArea["unga"][MeasureStatus.OnTrack], copy.StatusCountsByFocusArea["unga"][MeasureStatus.OnTrack]);
        Assert.Equal(aggregate.MissingOwnerIds, copy.MissingOwnerIds);
    }
}
