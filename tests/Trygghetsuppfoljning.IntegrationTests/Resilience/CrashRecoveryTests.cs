using System.Diagnostics;
using System.Globalization;
using System.Net;
using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.Local;
using Trygghetsuppfoljning.Local.Engine;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Storage;
using Xunit.Abstractions;

namespace Trygghetsuppfoljning.IntegrationTests.Resilience;

[Collection(AzuriteTests.Name)]
[Trait("Category", "Resilience")]
public sealed class CrashRecoveryTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    const int OwnerCount = 200;
    const int Kills = 5;
    const string ApiKey = "crash-test-key";

    [Fact]
    public async Task Cycle_of_200_owners_survives_five_hard_kills_of_the_host_keeping_every_confirmed_answer_and_bounding_invitations()
    {
        var clock = Stopwatch.StartNew();
        await using var smtp = new SmtpCapture();
        var prefix = TestEngine.NewPrefix();
        var port = FreePort.Find();
        var baseUrl = $"http://127.0.0.1:{port}";
        var environment = KilledHostSettings.For(azurite.ConnectionString, prefix, port, smtp, ApiKey);
        environment["Forms__PostsPerAddressPerWindow"] = "1000000"; // All 200 owners post from 127.0.0.1.
        environment["Schedule__OwnerSettleTime"] = "00:00:30";
        environment["Logging__LogLevel__Trygghetsuppfoljning"] = "Warning";
        await using var store = StoreAccess.For(azurite.ConnectionString, prefix);
        var agreement = GeneratedAgreement.WithOwners("krasch", OwnerCount);
        await store.GetRequiredService<AgreementRepository>().SaveAsync(agreement);

        var host = await LocalHostProcess.StartAsync(environment, baseUrl, TimeSpan.FromSeconds(60));
        var restarts = 0;
        try
        {
            using var api = new CoordinatorApi(baseUrl, ApiKey);
            using (var started = await api.StartAsync(agreement.Id, 2025, DateTimeOffset.UtcNow.AddMinutes(30)))
            {
                Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            }

            var answerer = new FormAnswerer(agreement, smtp);
            using var answeringTimeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            var answering = answerer.AnswerAllAsync(answeringTimeout.Token);

            // Kill at random moments (fixed seed: the same moments every run), restart straight away.
            var random = new Random(20261125);
            for (int kill = 1; kill <= Kills; kill++)
            {
                await Task.Delay(TimeSpan.FromSeconds(3 + (random.NextDouble() * 9)));
                host.Kill();
                output.WriteLine($"{clock.Elapsed.TotalSeconds,6:0.0} s  kill {kill}: {answerer.Confirmed.Count} confirmed, {smtp.OfKind("invitation").Count} invitations, {smtp.OfKind("receipt").Count} receipts");
                await host.DisposeAsync();
                host = await LocalHostProcess.StartAsync(environment, baseUrl, TimeSpan.FromSeconds(60));
                restarts++;
            }

            await answering;
            output.WriteLine($"{clock.Elapsed.TotalSeconds,6:0.0} s  all {answerer.Confirmed.Count} owners confirmed ({answerer.FailedAttempts} attempts failed while the host was down)");

            using (var closed = await api.CloseAsync(agreement.Id, 2025))
            {
                // 200 once closed; 202 when closing took longer than the call waits.
                Assert.True(closed.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"close answered {closed.StatusCode}");
            }

            await api.WaitForRuntimeStatusAsync(agreement.Id, 2025, "Completed", TimeSpan.FromMinutes(3));
            output.WriteLine($"{clock.Elapsed.TotalSeconds,6:0.0} s  cycle completed");

            // Every confirmed submission is stored as the owner's latest submitted answer…
            var stored = (await store.GetRequiredService<ResponseRepository>().LatestSubmittedAsync(CycleIds.For(agreement.Id, 2025)))
                .ToDictionary(r => r.OwnerId, StringComparer.Ordinal);
            foreach (var (ownerId, comment) in answerer.Confirmed)
            {
                Assert.True(stored.TryGetValue(ownerId, out var response), $"{ownerId} saw a confirmation but has no stored submission");
                Assert.Contains(response.Answers, a => a.Comment == comment);
            }

            // …and in the report.
            var text = CoordinatorApi.TextOf(await api.ReportAsync(agreement.Id, 2025));
            var missingFromReport = answerer.Confirmed.Values.Where(c => !text.Contains(c, StringComparison.Ordinal)).ToList();
            Assert.Empty(missingFromReport);

            // Invitations: everyone got one, nobody more than restarts + 1.
            var invitations = smtp.OfKind("invitation").GroupBy(m => m.To.Mailboxes.Single().Address).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
            Assert.All(agreement.Owners, o => Assert.True(invitations.GetValueOrDefault(o.Email) >= 1, $"{o.Id} got no invitation"));
            var maxInvitations = invitations.Values.Max();
            Assert.True(maxInvitations <= restarts + 1, $"An owner got {maxInvitations} invitations after {restarts} restarts");

            // Every confirmed submission also gets its receipt (a lost wake-up event is caught up when the owner's part ends).
            var emails = agreement.Owners.ToDictionary(o => o.Id, o => o.Email, StringComparer.Ordinal);
            await smtp.WaitForAsync(
                m => answerer.Confirmed.Keys.All(id => m.Any(x => x.Headers["X-Trygghet-Kind"] == "receipt" && x.To.Mailboxes.Single().Address == emails[id])),
                TimeSpan.FromSeconds(60));

            output.WriteLine(
                $"Figures: kills {Kills}, restarts {restarts}, wall time {clock.Elapsed.TotalSeconds:0.0} s, owners {OwnerCount}, submissions confirmed and checked {answerer.Confirmed.Count}, " +
                $"invitations {invitations.Values.Sum()} (max per owner {maxInvitations}), receipts {smtp.OfKind("receipt").Count}, failed form attempts {answerer.FailedAttempts}");
        }
        catch
        {
            output.WriteLine("Host output:" + Environment.NewLine + host.Tail);
            throw;
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
