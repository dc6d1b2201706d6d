using Microsoft.Extensions.Options;
using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.Local;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.IntegrationTests.Storage;

[Collection(AzuriteTests.Name)]
public sealed class RepositoryTests
{
    static readonly DateTimeOffset Saved = new(2026, 2, 1, 9, 30, 0, TimeSpan.Zero);
    readonly TableStore store;

    public RepositoryTests(AzuriteFixture azurite) =>
        store = new TableStore(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = TestEngine.NewPrefix() }));

    static MeasureAnswer Answer(string comment, MeasureStatus status = MeasureStatus.OnTrack) =>
        new("m1", status, TrafficLight.Green, comment, new Dictionary<string, decimal?> { ["i1"] = 3.5m, ["i2"] = null }, "Plan");

    [Fact]
    public async Task Agreement_with_measures_and_owners_round_trips_through_tables()
    {
        var repository = new AgreementRepository(store, new MeasureRepository(store), new OwnerRepository(store));
        var agreement = DomainJson.Deserialize<Agreement>(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Templates, "demo", "hoganas.json")));

        await repository.SaveAsync(agreement);
        var loaded = await repository.GetAsync(agreement.Id);

        Assert.Equal(DomainJson.Serialize(agreement with { Owners = agreement.Owners.OrderBy(o => o.Id).ToList() }), DomainJson.Serialize(loaded with { Owners = loaded.Owners.OrderBy(o => o.Id).ToList() }));
    }

    [Fact]
    public async Task Saving_an_agreement_again_removes_owners_and_measures_it_no_longer_has()
    {
        var repository = new AgreementRepository(store, new MeasureRepository(store), new OwnerRepository(store));
        var agreement = DomainJson.Deserialize<Agreement>(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Templates, "demo", "hoganas.json")));
        await repository.SaveAsync(agreement);

        var smaller = agreement with
        {
            Owners = agreement.Owners.Where(o => o.Id != "erik-dahl").ToList(),
            Measures = agreement.Measures.Where(m => m.OwnerId != "erik-dahl").ToList(),
        };
        await repository.SaveAsync(smaller);
        var loaded = await repository.GetAsync(agreement.Id);

        Assert.DoesNotContain(loaded.Owners, o => o.Id == "erik-dahl");
        Assert.DoesNotContain(loaded.Measures, m => m.Id == "m10");
        Assert.Equal(smaller.Measures.Count, loaded.Measures.Count);
    }

    [Fact]
    public async Task Every_save_is_a_new_revision_and_the_latest_submitted_one_counts()
    {
        var responses = new ResponseRepository(store);

        await responses.AppendAsync("c-2025", "o1", ResponseKind.Submitted, Saved, [Answer("first")]);
        await responses.AppendAsync("c-2025", "o1", ResponseKind.Submitted, Saved.AddMinutes(5), [Answer("second", MeasureStatus.Completed)]);
        await responses.AppendAsync("c-2025", "o1", ResponseKind.Draft, Saved.AddMinutes(9), [Answer("draft after submit")]);
        await responses.AppendAsync("c-2025", "o2", ResponseKind.Draft, Saved, [Answer("only a draft")]);

        var revisions = await responses.ListRevisionsAsync("c-2025", "o1");
        Assert.Equal([1, 2, 3], revisions.Select(r => r.Revision));
        Assert.Equal(["first", "second", "draft after submit"], revisions.Select(r => r.Answers.Single().Comment));
        var counted = Assert.Single(await responses.LatestSubmittedAsync("c-2025"));
        Assert.Equal(("o1", 2, "second"), (counted.OwnerId, counted.Revision, counted.Answers.Single().Comment));
        Assert.Equal("draft after submit", (await responses.LatestAsync("c-2025", "o1"))!.Answers.Single().Comment);
    }

    [Fact]
    public async Task Concurrent_saves_by_one_owner_never_overwrite_each_other()
    {
        var responses = new ResponseRepository(store);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            responses.AppendAsync("c-2025", "o1", ResponseKind.Submitted, Saved, [Answer($"save {i}")])));

        var revisions = await responses.ListRevisionsAsync("c-2025", "o1");
        Assert.Equal(Enumerable.Range(1, 20), revisions.Select(r => r.Revision));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"save {i}").Order(), revisions.Select(r => r.Answers.Single().Comment).Order());
    }

    [Fact]
    public async Task Aggregate_of_a_50000_measure_cycle_is_stored_over_entities_and_read_back_whole()
    {
        // Azurite refuses an entity over 1 MiB like Azure does; as one entity these figures are several MiB.
        var repository = new AggregateRepository(store);
        var ids = Enumerable.Range(1, 50_000).Select(i => $"m{i:D6}").ToList();
        var big = new CycleAggregate(
            "stor", 2025, 10_000, 9_990, ids.Count, 49_950, 7,
            new Dictionary<string, IReadOnlyDictionary<MeasureStatus, int>> { ["ungdom"] = new Dictionary<MeasureStatus, int> { [MeasureStatus.OnTrack] = 49_950 } },
            ids.ToDictionary(id => id, id => id.EndsWith('7') ? MeasureStatus.Delayed : MeasureStatus.OnTrack),
            ids.ToDictionary(id => id, id => id.EndsWith('3') ? TrafficLight.Red : TrafficLight.Green),
            ids.Where((_, i) => i % 4 == 0).ToDictionary(id => id + "|ind", id => 12.5m),
            []);
        var small = big with { Year = 2024, StatusByMeasure = new Dictionary<string, MeasureStatus> { ["m000001"] = MeasureStatus.Delayed }, LightByMeasure = new Dictionary<string, TrafficLight>(), IndicatorValues = new Dictionary<string, decimal>() };

        await repository.SaveAsync(big);
        await repository.SaveAsync(small);
        var read = await repository.ListAsync("stor");

        Assert.Equal([2024, 2025], read.Select(a => a.Year));
        Assert.Equal(DomainJson.Serialize(small), DomainJson.Serialize(read[0]));
        Assert.Equal(DomainJson.Serialize(big), DomainJson.Serialize(read[1]));

        // Saved again smaller, the year's leftover parts go: nothing stale is read or kept.
        await repository.SaveAsync(small with { Year = 2025 });
        Assert.Equal(DomainJson.Serialize(small with { Year = 2025 }), DomainJson.Serialize((await repository.ListAsync("stor"))[1]));
        var rows = await store.GetAsync(TableNames.Aggregates);
        var keys = new List<string>();
        await foreach (var row in rows.QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == "stor", select: ["RowKey"]))
        {
            keys.Add(row.RowKey);
        }

        Assert.Equal(["2024", "2025"], keys);
    }

    [Fact]
    public async Task Answers_longer_than_one_table_property_round_trip_exactly()
    {
        var responses = new ResponseRepository(store);

        // 200 KB of text with surrogate pairs placed across every possible chunk boundary.
        var comment = string.Concat(Enumerable.Range(0, 40_000).Select(i => i % 7 == 0 ? "👮" : "åb<&\"")) + " مرحبا שלום";
        await responses.AppendAsync("c-2025", "o1", ResponseKind.Submitted, Saved, [Answer(comment)]);

        var stored = (await responses.LatestAsync("c-2025", "o1"))!.Answers.Single();
        Assert.Equal(comment, stored.Comment);
        Assert.Equal(3.5m, stored.IndicatorValues["i1"]);
        Assert.Null(stored.IndicatorValues["i2"]);
    }

    [Fact]
    public async Task Progress_updates_from_the_form_and_the_orchestration_do_not_lose_each_other()
    {
        var progress = new OwnerProgressRepository(store);

        await Task.WhenAll(
            progress.UpdateAsync("c-2025", "o1", p => p with { InvitedUtc = Saved }),
            progress.UpdateAsync("c-2025", "o1", p => p with { SubmittedUtc = Saved.AddHours(1) }),
            progress.UpdateAsync("c-2025", "o1", p => p with { RemindersSent = p.RemindersSent + 1 }),
            progress.UpdateAsync("c-2025", "o1", p => p with { RemindersSent = p.RemindersSent + 1 }));

        var state = await progress.GetAsync("c-2025", "o1");
        Assert.Equal((Saved, Saved.AddHours(1), 2), (state.InvitedUtc!.Value, state.SubmittedUtc!.Value, state.RemindersSent));
        Assert.Equal(OwnerProgressState.Submitted, state.State);
    }
}
