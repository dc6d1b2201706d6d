using Azure.Core;
using Azure.Data.Tables;
using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.IntegrationTests.Foundation;

[Collection(AzuriteTests.Name)]
public sealed class StorageFoundationTests(AzuriteFixture azurite)
{
    static readonly DateTimeOffset Saved = new(2026, 1, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_failed_or_cancelled_table_creation_is_not_remembered_and_the_next_request_works()
    {
        var policy = new CountingTablePolicy();
        var options = new TableClientOptions { Retry = { MaxRetries = 0 } };
        options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        var store = new TableStore(new TableServiceClient(azurite.ConnectionString, options), TestEngine.NewPrefix());

        // A request that gave up before the table existed (its cancellation must not reach the shared creation)…
        using (var cancelled = new CancellationTokenSource())
        {
            await cancelled.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.GetAsync(TableNames.Cycles, cancelled.Token));
        }

        // …and one whose creation failed on the network.
        policy.FailNext(1);
        await Assert.ThrowsAnyAsync<Exception>(() => store.GetAsync(TableNames.Responses));

        // Neither is remembered: the next requests get working tables.
        var cycles = await store.GetAsync(TableNames.Cycles);
        var responses = await store.GetAsync(TableNames.Responses);
        await cycles.UpsertEntityAsync(new TableEntity("p", "r"));
        await responses.UpsertEntityAsync(new TableEntity("p", "r"));
    }

    [Fact]
    public async Task An_answer_set_larger_than_one_entity_is_stored_whole_and_the_latest_is_read_through_its_head()
    {
        var store = new TableStore(new TableServiceClient(azurite.ConnectionString), TestEngine.NewPrefix());
        var responses = new ResponseRepository(store);

        // 40 measures × 40,000 characters: 1.6 M characters, over 3 MB as stored, where one entity holds 1 MiB.
        var answers = Enumerable.Range(1, 40)
            .Select(i => new MeasureAnswer($"m{i:D2}", MeasureStatus.OnTrack, TrafficLight.Green, new string((char)('a' + (i % 26)), 39_990) + "😀ÅÄÖ" + i, new Dictionary<string, decimal?>(), "plan"))
            .ToList();
        await responses.AppendAsync("c-2025", "anna", ResponseKind.Draft, Saved, [answers[0]]);
        var stored = await responses.AppendAsync("c-2025", "anna", ResponseKind.Submitted, Saved.AddMinutes(1), answers);

        Assert.Equal(2, stored.Revision);
        var latest = await responses.LatestAsync("c-2025", "anna");
        Assert.Equal(2, latest!.Revision);
        Assert.Equal(answers.Select(a => a.Comment), latest.Answers.Select(a => a.Comment));
        Assert.Equal(answers.Select(a => a.Comment), (await responses.LatestSubmittedAsync("c-2025")).Single().Answers.Select(a => a.Comment));
        Assert.Equal([1, 2], (await responses.ListRevisionsAsync("c-2025", "anna")).Select(r => r.Revision));
        Assert.Equal((2, 2), await responses.RevisionNumbersAsync("c-2025", "anna"));
    }

    [Fact]
    public async Task Answers_stored_before_revision_heads_existed_are_read_and_the_next_save_continues_their_numbering()
    {
        var store = new TableStore(new TableServiceClient(azurite.ConnectionString), TestEngine.NewPrefix());
        var table = await store.GetAsync(TableNames.Responses);
        foreach (var (revision, kind) in new[] { (1, ResponseKind.Submitted), (2, ResponseKind.Draft) })
        {
            // The shape an older version wrote: one row per revision, no head.
            var legacy = new TableEntity("c-2025", $"anna|{revision:D6}") { ["OwnerId"] = "anna", ["Revision"] = revision, ["Kind"] = kind.ToString(), ["SavedUtc"] = Saved.AddMinutes(revision) };
            ChunkedText.Write(legacy, "Answers", DomainJson.Serialize(new[] { new MeasureAnswer("m1", MeasureStatus.Delayed, TrafficLight.Red, $"gammalt {revision}", new Dictionary<string, decimal?>(), "") }));
            await table.AddEntityAsync(legacy);
        }

        var responses = new ResponseRepository(store);
        Assert.Equal("gammalt 2", (await responses.LatestAsync("c-2025", "anna"))!.Answers.Single().Comment);
        Assert.Equal("gammalt 1", (await responses.LatestSubmittedAsync("c-2025", "anna"))!.Answers.Single().Comment);

        var next = await responses.AppendAsync("c-2025", "anna", ResponseKind.Submitted, Saved.AddHours(1), [new MeasureAnswer("m1", MeasureStatus.Completed, TrafficLight.Green, "nytt", new Dictionary<string, decimal?>(), "")]);
        Assert.Equal(3, next.Revision);
        Assert.Equal([1, 2, 3], (await responses.ListRevisionsAsync("c-2025", "anna")).Select(r => r.Revision));
        Assert.Equal("nytt", (await responses.LatestAsync("c-2025", "anna"))!.Answers.Single().Comment);
    }
}
