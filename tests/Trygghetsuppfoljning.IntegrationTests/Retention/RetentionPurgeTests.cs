using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.IntegrationTests.Resilience;
using Trygghetsuppfoljning.Local;
using Trygghetsuppfoljning.Local.Demo;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Forms;
using Trygghetsuppfoljning.Workflows.Reports;
using Trygghetsuppfoljning.Workflows.Retention;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.IntegrationTests.Retention;

[Collection(AzuriteTests.Name)]
public sealed class RetentionPurgeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Purge_removes_answers_progress_and_links_of_cycles_closed_before_the_retention_and_keeps_the_trend_figures()
    {
        await using var services = StoreAccess.For(azurite.ConnectionString, TestEngine.NewPrefix(), new Dictionary<string, string?> { ["Retention:Period"] = "700.00:00:00" });
        var agreement = DomainJson.Deserialize<Agreement>(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Templates, "demo", "hoganas.json")));
        await services.GetRequiredService<AgreementRepository>().SaveAsync(agreement);
        var history = DomainJson.Deserialize<Dictionary<int, Dictionary<string, DemoAnswer>>>(
            await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Templates, "demo", "hoganas-history.json")));
        await ActivatorUtilities.CreateInstance<DemoHistorySeeder>(services).SeedAsync(agreement, history);

        // Both years also have per-owner progress and live links (the seeder writes answers and aggregates only).
        var progress = services.GetRequiredService<OwnerProgressRepository>();
        var links = services.GetRequiredService<OwnerLinkIssuer>();
        var tokens = new Dictionary<int, string>();
        foreach (var year in new[] { 2023, 2024 })
        {
            await progress.UpdateAsync(CycleIds.For(agreement.Id, year), "anna-berg", p => p with { InvitedUtc = new DateTimeOffset(year + 1, 1, 15, 6, 0, 0, TimeSpan.Zero) });
            tokens[year] = LinkToken.HashOf((await links.IssueAsync(agreement.Id, year, "anna-berg")).Split('/')[^1])!;
        }

        var reports = services.GetRequiredService<ReportService>();
        var archive = services.GetRequiredService<ReportArchive>();
        var before = CoordinatorApi.TextOf(await archive.ReadAsync(await reports.GenerateAndArchiveAsync(agreement.Id, 2024)));

        // 2023 closed 2024-02-22, 2024 closed 2025-02-22; 700 days before 2026-06-01 lies between them.
        var result = await services.GetRequiredService<RetentionPurger>().PurgeAsync(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal([CycleIds.For(agreement.Id, 2023)], result.PurgedCycles);
        Assert.True(result.Responses > 0);
        var responses = services.GetRequiredService<ResponseRepository>();
        Assert.Empty(await responses.LatestSubmittedAsync(CycleIds.For(agreement.Id, 2023)));
        Assert.Empty(await progress.ListAsync(CycleIds.For(agreement.Id, 2023)));
        Assert.Null(await services.GetRequiredService<TokenRepository>().FindAsync(tokens[2023]));

        // The later year is untouched, the figures of both years stay, and the later report still shows the trend from 2023.
        Assert.NotEmpty(await responses.LatestSubmittedAsync(CycleIds.For(agreement.Id, 2024)));
        Assert.NotEmpty(await progress.ListAsync(CycleIds.For(agreement.Id, 2024)));
        Assert.NotNull(await services.GetRequiredService<TokenRepository>().FindAsync(tokens[2024]));
        Assert.Equal([2023, 2024], (await services.GetRequiredService<AggregateRepository>().ListAsync(agreement.Id)).Select(a => a.Year));
        var after = CoordinatorApi.TextOf(await archive.ReadAsync(await reports.GenerateAndArchiveAsync(agreement.Id, 2024)));
        Assert.Contains("2023", after, StringComparison.Ordinal);
        Assert.Equal(before, after);

        // Running it again removes nothing more.
        var again = await services.GetRequiredService<RetentionPurger>().PurgeAsync(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, again.Responses + again.ProgressRows + again.Tokens);
    }

    [Fact]
    public async Task Purge_also_removes_the_closed_cycles_orchestration_histories_which_name_the_owners()
    {
        await using var smtp = new SmtpCapture();
        await using var engine = await TestEngine.StartAsync(azurite, smtp, TestEngine.NewPrefix(), new Dictionary<string, string?> { ["Retention:Period"] = "365.00:00:00" });
        var agreement = GeneratedAgreement.WithOwners("gallring", 2);
        await engine.Services.GetRequiredService<AgreementRepository>().SaveAsync(agreement);
        var input = new Workflows.Orchestration.AnnualCycleInput(agreement.Id, 2020, DateTimeOffset.UtcNow.AddSeconds(3), [], TimeSpan.Zero, TimeSpan.FromSeconds(10));
        var (instanceId, _) = await engine.Services.GetRequiredService<Workflows.Orchestration.CycleStarter>().StartAsync(engine.Client, input);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await engine.Client.WaitForInstanceCompletionAsync(instanceId, timeout.Token);
        Assert.NotNull(await engine.Client.GetInstanceAsync(instanceId));

        var result = await engine.Services.GetRequiredService<RetentionPurger>().PurgeAsync(engine.Client, DateTimeOffset.UtcNow.AddYears(2));

        // The cycle's own history (the owners are rounds inside it; instances per owner of older cycles are purged too, by id).
        Assert.Equal(1, result.DurableInstances);
        Assert.Null(await engine.Client.GetInstanceAsync(instanceId));
    }
}
