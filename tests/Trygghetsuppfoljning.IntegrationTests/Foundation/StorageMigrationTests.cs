using Azure.Data.Tables;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Forms;
using Trygghetsuppfoljning.Workflows.Migration;
using Trygghetsuppfoljning.Workflows.Orchestration;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.IntegrationTests.Foundation;

/// <summary>What an older version stored keeps working, converted by the migrator: nothing is migrated silently.</summary>
[Collection(AzuriteTests.Name)]
public sealed class StorageMigrationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Data_stored_by_the_previous_version_is_converted_once_and_keeps_working()
    {
        await using var smtp = new SmtpCapture();
        await using var engine = await TestEngine.StartAsync(azurite, smtp, TestEngine.NewPrefix());
        var agreement = await TestEngine.LoadDemoAgreementAsync(engine);
        var store = engine.Services.GetRequiredService<TableStore>();
        var cycles = await store.GetAsync(TableNames.Cycles);
        var responses = await store.GetAsync(TableNames.Responses);
        var now = DateTimeOffset.UtcNow;

        // The previous version's rows: cycle rows without original deadline or final-answer mark, revisions without
        // heads, an aggregate that still names the missing owners. 2024 is closed; 2025 open, its orchestration running.
        await cycles.AddEntityAsync(new TableEntity(agreement.Id, "2024") { ["StartedUtc"] = now.AddYears(-1), ["DeadlineUtc"] = now.AddYears(-1).AddDays(30), ["State"] = "Closed", ["ClosedUtc"] = now.AddYears(-1).AddDays(37) });
        await cycles.AddEntityAsync(new TableEntity(agreement.Id, "2025") { ["StartedUtc"] = now, ["DeadlineUtc"] = now.AddDays(5), ["State"] = "Open" });
        await AddLegacyRevisionAsync(responses, CycleIds.For(agreement.Id, 2024), "anna-berg", ResponseKind.Submitted, agreement.MeasuresOf("anna-berg").Select(m => m.Id), "Förra årets svar.");
        await AddLegacyRevisionAsync(responses, CycleIds.For(agreement.Id, 2025), "johan-ek", ResponseKind.Draft, agreement.MeasuresOf("johan-ek").Select(m => m.Id), "Johans utkast.");
        var aggregates = await store.GetAsync(TableNames.Aggregates);
        var legacyAggregate = new TableEntity(agreement.Id, "2024");
        ChunkedText.Write(legacyAggregate, "Figures", DomainJson.Serialize(CycleAggregator.Aggregate(agreement, 2024, [])));
        await aggregates.AddEntityAsync(legacyAggregate);

        // A link and a sent mail's index row as older versions keyed them: the empty row key.
        var links = engine.Services.GetRequiredService<OwnerLinkIssuer>();
        var legacyLink = await links.IssueAsync(agreement.Id, 2025, "karin-sjoberg");
        var tokens = await store.GetAsync(TableNames.Tokens);
        var legacyHash = LinkToken.HashOf(legacyLink[(legacyLink.LastIndexOf('/') + 1)..])!;
        await MoveToEmptyRowKeyAsync(tokens, legacyHash);
        var revokedLink = await links.IssueAsync(agreement.Id, 2025, "johan-ek");
        var revokedHash = LinkToken.HashOf(revokedLink[(revokedLink.LastIndexOf('/') + 1)..])!;
        await MoveToEmptyRowKeyAsync(tokens, revokedHash);
        var tokenRepository = engine.Services.GetRequiredService<TokenRepository>();
        Assert.True(await tokenRepository.RevokeAsync(agreement.Id, 2025, "johan-ek", now) >= 1);
        var mailMessages = await store.GetAsync(TableNames.MailMessages);
        await mailMessages.AddEntityAsync(new TableEntity("legacy-1@trygghet.example", string.Empty) { ["AgreementId"] = agreement.Id, ["Year"] = 2025, ["OwnerId"] = "karin-sjoberg", ["Kind"] = "invitation", ["Recipients"] = "karin@example.se" });
        // Read where they are until migrated (the form is opened after migration: its first GET converts other rows).
        Assert.Equal("karin-sjoberg", (await tokenRepository.FindAsync(legacyHash))?.OwnerId);
        Assert.Equal("invitation", (await engine.Services.GetRequiredService<MailEventRepository>().FindSentAsync("legacy-1@trygghet.example"))?.Kind);

        var cycleInstance = CycleIds.CycleInstance(agreement.Id, 2025);
        await engine.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(AnnualCycleOrchestrator), new AnnualCycleInput(agreement.Id, 2025, now.AddDays(5), [], TimeSpan.Zero, TimeSpan.Zero), new StartOrchestrationOptions(cycleInstance));
        await smtp.WaitForAsync(m => m.Count(x => x.Headers["X-Trygghet-Kind"] == "invitation") == 6, TimeSpan.FromSeconds(60));
        var before = await engine.Client.GetInstanceAsync(cycleInstance);

        var migrator = engine.Services.GetRequiredService<StorageMigrator>();
        var result = await migrator.MigrateAsync(engine.Client);

        Assert.Equal(new MigrationResult(RostersTaken: 1, FinalAnswersStored: 1, CyclesRestarted: 1, AggregatesCleaned: 1, RowsRekeyed: 3, CyclesGivenHeads: 2), result);
        var cycleRepository = engine.Services.GetRequiredService<CycleRepository>();
        Assert.True((await cycleRepository.GetAsync(agreement.Id, 2024)).FinalAnswersStored);
        Assert.NotNull((await cycleRepository.GetAsync(agreement.Id, 2025)).OriginalDeadlineUtc);
        Assert.NotNull(await engine.Services.GetRequiredService<CycleRosterRepository>().FindHeaderAsync(CycleIds.For(agreement.Id, 2024)));
        Assert.Empty((await engine.Services.GetRequiredService<AggregateRepository>().ListAsync(agreement.Id)).Single().MissingOwnerIds);

        // The open cycle runs again on this version: a new instance, and nobody invited twice.
        using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            var after = await engine.Client.WaitForInstanceStartAsync(cycleInstance, wait.Token);
            Assert.Equal(OrchestrationRuntimeStatus.Running, after.RuntimeStatus);
            Assert.True(after.CreatedAt > before!.CreatedAt);
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(6, smtp.OfKind("invitation").Count);

        // A second run changes nothing.
        Assert.False((await migrator.MigrateAsync(engine.Client)).ChangedAnything);

        // The re-keyed rows: under their partition key only, the link still opens the form, the mail is still found.
        Assert.False((await tokens.GetEntityIfExistsAsync<TableEntity>(legacyHash, string.Empty)).HasValue);
        Assert.Equal("karin-sjoberg", (await tokens.GetEntityAsync<TableEntity>(legacyHash, legacyHash)).Value.GetString("OwnerId"));
        using var form = new FormClient();
        Assert.Equal(200, (await form.GetAsync(legacyLink)).Status);
        Assert.NotNull((await tokens.GetEntityAsync<TableEntity>(revokedHash, revokedHash)).Value.GetDateTimeOffset("RevokedUtc"));
        var sent = await engine.Services.GetRequiredService<MailEventRepository>().FindSentAsync("<legacy-1@trygghet.example>");
        Assert.Equal(("karin-sjoberg", "invitation"), (sent?.OwnerId, sent?.Kind));
        Assert.False((await mailMessages.GetEntityIfExistsAsync<TableEntity>("legacy-1@trygghet.example", string.Empty)).HasValue);

        // The old rows still serve the form: last year's answer (read by key now) and Johan's draft.
        var (annaStatus, annaHtml) = await form.GetAsync(await links.IssueAsync(agreement.Id, 2025, "anna-berg"));
        Assert.Equal(200, annaStatus);
        Assert.Contains("Förra årets svar.", System.Net.WebUtility.HtmlDecode(annaHtml), StringComparison.Ordinal);
        var (johanStatus, johanHtml) = await form.GetAsync(await links.IssueAsync(agreement.Id, 2025, "johan-ek"));
        Assert.Equal(200, johanStatus);
        Assert.Contains("Johans utkast.", System.Net.WebUtility.HtmlDecode(johanHtml), StringComparison.Ordinal);
    }

    static async Task MoveToEmptyRowKeyAsync(TableClient table, string partitionKey)
    {
        var row = (await table.GetEntityAsync<TableEntity>(partitionKey, partitionKey)).Value;
        var legacy = new TableEntity(partitionKey, string.Empty);
        foreach (var name in new[] { "AgreementId", "Year", "OwnerId", "IssuedUtc" })
        {
            legacy[name] = row[name];
        }

        await table.AddEntityAsync(legacy);
        await table.DeleteEntityAsync(partitionKey, partitionKey);
    }

    static async Task AddLegacyRevisionAsync(TableClient table, string cycleId, string ownerId, ResponseKind kind, IEnumerable<string> measureIds, string comment)
    {
        var answers = measureIds.Select(m => new MeasureAnswer(m, MeasureStatus.OnTrack, TrafficLight.Green, comment, new Dictionary<string, decimal?>(), "plan")).ToList();
        var entity = new TableEntity(cycleId, $"{ownerId}|000001") { ["OwnerId"] = ownerId, ["Revision"] = 1, ["Kind"] = kind.ToString(), ["SavedUtc"] = DateTimeOffset.UtcNow.AddDays(-1) };
        ChunkedText.Write(entity, "Answers", DomainJson.Serialize(answers));
        await table.AddEntityAsync(entity);
    }
}
