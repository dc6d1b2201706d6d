using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.Workflows.Coordination;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Orchestration;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.IntegrationTests.Foundation;

/// <summary>
/// A cycle an earlier version started (the cycle orchestrator of then, with an instance per owner) keeps running on
/// this version: nothing in flight is stranded by the move to owner rounds and receipts owed in Tables.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class LegacyCycleTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Cycle_started_by_the_earlier_orchestrator_invites_receipts_once_closes_and_delivers()
    {
        await using var smtp = new SmtpCapture();
        await using var engine = await TestEngine.StartAsync(azurite, smtp, TestEngine.NewPrefix());
        using var client = new FormClient();
        var agreement = await TestEngine.LoadDemoAgreementAsync(engine);
        var owners = agreement.AnsweringOwners().ToList();
        var instanceId = CycleIds.CycleInstance(agreement.Id, 2025);

        // Exactly what the earlier CycleStarter scheduled: the old orchestrator's name, the same input record.
        var input = engine.Services.GetRequiredService<CycleStarter>().InputFor(agreement.Id, 2025, DateTimeOffset.UtcNow.AddHours(1));
        await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(AnnualCycleOrchestrator), input, new StartOrchestrationOptions(instanceId));
        var invitations = await smtp.WaitForAsync(m => m.Count(x => x.Headers["X-Trygghet-Kind"] == "invitation") >= owners.Count, TimeSpan.FromSeconds(90));

        // One owner answers through the form: the receipt comes once (the sweeper and the old owner instance agree on it).
        var owner = owners[0];
        var link = FormClient.LinkIn(invitations.First(m => m.Headers["X-Trygghet-Kind"] == "invitation" && m.To.Mailboxes.Any(b => b.Address == owner.Email)));
        var (status, _) = await client.PostAsync(link, Answers.For(agreement, owner.Id));
        Assert.Equal(200, status);
        await smtp.WaitForAsync(m => m.Any(x => x.Headers["X-Trygghet-Kind"] == "receipt"), TimeSpan.FromSeconds(60));

        var closed = (await engine.Services.GetRequiredService<CoordinatorService>().CloseAsync(engine.Client, agreement.Id, 2025, "test")).StatusCode;
        Assert.True(closed is 200 or 202, $"close answered {closed}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var state = await engine.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal(nameof(AnnualCycleOrchestrator), state.Name);
        Assert.Equal(1, state.ReadOutputAs<AnnualCycleResult>()!.OwnersAnswered);
        Assert.NotNull((await engine.Services.GetRequiredService<CycleRepository>().GetAsync(agreement.Id, 2025)).ReportBlobName);
        await smtp.WaitForAsync(m => m.Any(x => x.Headers["X-Trygghet-Kind"] == "report-delivery"), TimeSpan.FromSeconds(60));

        // The old owner instances ran and ended with the cycle; one receipt in all for the one submission.
        foreach (var o in owners)
        {
            using var ownerTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            Assert.Equal(OrchestrationRuntimeStatus.Completed, (await engine.Client.WaitForInstanceCompletionAsync(CycleIds.OwnerInstance(agreement.Id, 2025, o.Id), ownerTimeout.Token)).RuntimeStatus);
        }

        Assert.Single(smtp.OfKind("receipt"));
    }

    [Fact]
    public async Task Migration_moves_a_running_legacy_cycle_onto_owner_rounds_without_inviting_anyone_twice()
    {
        await using var smtp = new SmtpCapture();
        await using var engine = await TestEngine.StartAsync(azurite, smtp, TestEngine.NewPrefix());
        using var client = new FormClient();
        var agreement = await TestEngine.LoadDemoAgreementAsync(engine);
        var owners = agreement.AnsweringOwners().ToList();
        var instanceId = CycleIds.CycleInstance(agreement.Id, 2025);
        var input = engine.Services.GetRequiredService<CycleStarter>().InputFor(agreement.Id, 2025, DateTimeOffset.UtcNow.AddHours(1));
        await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(AnnualCycleOrchestrator), input, new StartOrchestrationOptions(instanceId));
        await smtp.WaitForAsync(m => m.Count(x => x.Headers["X-Trygghet-Kind"] == "invitation") >= owners.Count, TimeSpan.FromSeconds(90));

        var result = await engine.Services.GetRequiredService<Workflows.Migration.StorageMigrator>().MigrateAsync(engine.Client);

        Assert.Equal(1, result.CyclesRestarted);
        Assert.Equal(nameof(AnnualFollowUpOrchestrator), (await engine.Client.GetInstanceAsync(instanceId))!.Name);
        Assert.All(owners, o => Assert.Null(engine.Client.GetInstanceAsync(CycleIds.OwnerInstance(agreement.Id, 2025, o.Id)).GetAwaiter().GetResult()));
        Assert.Equal(0, (await engine.Services.GetRequiredService<Workflows.Migration.StorageMigrator>().MigrateAsync(engine.Client)).CyclesRestarted);

        // The restarted cycle's invitation round finds everyone invited already; an answer still gets its receipt.
        var owner = owners[0];
        var link = FormClient.LinkIn(smtp.OfKind("invitation").First(m => m.To.Mailboxes.Any(b => b.Address == owner.Email)));
        Assert.Equal(200, (await client.PostAsync(link, Answers.For(agreement, owner.Id))).Status);
        await smtp.WaitForAsync(m => m.Any(x => x.Headers["X-Trygghet-Kind"] == "receipt"), TimeSpan.FromSeconds(60));
        Assert.Equal(owners.Count, smtp.OfKind("invitation").Count);
    }
}
