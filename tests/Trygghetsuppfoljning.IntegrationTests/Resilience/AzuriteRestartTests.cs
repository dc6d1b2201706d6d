using System.Diagnostics;
using Microsoft.DurableTask.Client;
using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.Local;
using Trygghetsuppfoljning.Local.Engine;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Orchestration;
using Trygghetsuppfoljning.Workflows.Storage;
using Xunit.Abstractions;

namespace Trygghetsuppfoljning.IntegrationTests.Resilience;

/// <summary>Own Azurite with a data folder on fixed ports, so it can be killed and started again with its state.</summary>
[Trait("Category", "Resilience")]
public sealed class AzuriteRestartTests(ITestOutputHelper output)
{
    // Azurite writes its state to disk about every 5 s (design.md §4): kill it only after a quiet spell longer than that.
    static readonly TimeSpan Flush = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task Cycle_completes_with_every_answer_after_azurite_is_killed_and_restarted_on_its_data_folder()
    {
        var clock = Stopwatch.StartNew();
        var dataFolder = Path.Combine(Path.GetTempPath(), "azurite-restart-" + Guid.NewGuid().ToString("N")[..8]);
        int blobPort = FreePort.Find(), queuePort = FreePort.Find(), tablePort = FreePort.Find();
        var azurite = await AzuriteProcess.StartAsync(dataFolder, blobPort, queuePort, tablePort);
        try
        {
            await using var smtp = new SmtpCapture();
            var prefix = TestEngine.NewPrefix();
            var settings = TestEngine.Settings(azurite.ConnectionString, smtp, prefix);
            await using var engine = await LocalEngine.StartAsync(settings);
            var agreement = await TestEngine.LoadDemoAgreementAsync(engine);
            var deadline = DateTimeOffset.UtcNow.AddSeconds(50);
            var input = new AnnualCycleInput(agreement.Id, 2025, deadline, [], TimeSpan.Zero, TimeSpan.FromSeconds(30));
            var (instanceId, _) = await engine.Services.GetRequiredService<CycleStarter>().StartAsync(engine.Client, input);
            await smtp.WaitForAsync(m => m.Count(x => x.Headers["X-Trygghet-Kind"] == "invitation") == 6, TimeSpan.FromSeconds(30));
            string LinkOf(Owner owner) => FormClient.LinkIn(smtp.OfKind("invitation").Single(m => m.To.Mailboxes.Single().Address == owner.Email));

            var owners = agreement.AnsweringOwners();
            using var form = new FormClient();
            foreach (var owner in owners.Take(3))
            {
                var (status, _) = await form.PostAsync(LinkOf(owner), Answers.For(agreement, owner.Id, comment: $"Före omstart {owner.Id}."));
                Assert.Equal(200, status);
            }

            await smtp.WaitForAsync(m => m.Count(x => x.Headers["X-Trygghet-Kind"] == "receipt") == 3, TimeSpan.FromSeconds(30));
            await Task.Delay(Flush);
            azurite.Kill();
            await azurite.DisposeAsync();
            output.WriteLine($"{clock.Elapsed.TotalSeconds,5:0.0} s  Azurite killed");
            await Task.Delay(TimeSpan.FromSeconds(3));
            azurite = await AzuriteProcess.StartAsync(dataFolder, blobPort, queuePort, tablePort);
            output.WriteLine($"{clock.Elapsed.TotalSeconds,5:0.0} s  Azurite restarted on its data folder");

            // Answers stored before the restart are still there; the form works again.
            foreach (var owner in owners.Skip(3).Take(2))
            {
                var (status, _) = await PostUntilStorageAnswersAsync(form, LinkOf(owner), Answers.For(agreement, owner.Id, comment: $"Efter omstart {owner.Id}."));
                Assert.Equal(200, status);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            var state = await engine.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
            output.WriteLine($"{clock.Elapsed.TotalSeconds,5:0.0} s  cycle completed");
            var result = state.ReadOutputAs<AnnualCycleResult>()!;
            var progress = await engine.Services.GetRequiredService<OwnerProgressRepository>().ListAsync(CycleIds.For(agreement.Id, 2025));
            Assert.Equal([owners[5].Id], progress.Where(p => p.ReportedMissing).Select(p => p.OwnerId));

            var stored = await engine.Services.GetRequiredService<ResponseRepository>().LatestSubmittedAsync(CycleIds.For(agreement.Id, 2025));
            Assert.Equal(owners.Take(5).Select(o => o.Id).Order(StringComparer.Ordinal), stored.Select(r => r.OwnerId));
            var report = CoordinatorApi.TextOf(await engine.Services.GetRequiredService<ReportArchive>().ReadAsync(result.ReportBlobName));
            Assert.All(owners.Take(3), o => Assert.Contains($"Före omstart {o.Id}.", report, StringComparison.Ordinal));
            Assert.All(owners.Skip(3).Take(2), o => Assert.Contains($"Efter omstart {o.Id}.", report, StringComparison.Ordinal));

            await smtp.WaitForAsync(m => m.Any(x => x.Headers["X-Trygghet-Kind"] == "report-delivery"), TimeSpan.FromSeconds(30));
            Assert.Equal(6, smtp.OfKind("invitation").Count);
            Assert.Equal(5, smtp.OfKind("receipt").Count);
            Assert.Single(smtp.OfKind("deadline-notice"));
            Assert.Single(smtp.OfKind("report-delivery"));
            output.WriteLine($"Figures: Azurite down ~3 s after an {Flush.TotalSeconds:0} s quiet spell, wall time {clock.Elapsed.TotalSeconds:0.0} s, answers before/after 3/2, mails {smtp.Messages.Count}");
        }
        finally
        {
            await azurite.DisposeAsync();
            try
            {
                Directory.Delete(dataFolder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Right after the restart the first storage calls may still fail (503 page); an owner would simply press again.</summary>
    static async Task<(int Status, string Html)> PostUntilStorageAnswersAsync(FormClient form, string link, List<KeyValuePair<string, string>> fields)
    {
        for (int attempt = 0; ; attempt++)
        {
            var result = await form.PostAsync(link, fields);
            if (result.Status == 200 || attempt == 10)
            {
                return result;
            }

            await Task.Delay(1000);
        }
    }
}
