using System.Diagnostics;
using Microsoft.DurableTask.Client;
using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Orchestration;
using Xunit.Abstractions;

namespace Trygghetsuppfoljning.IntegrationTests.Resilience;

[Collection(AzuriteTests.Name)]
[Trait("Category", "Resilience")]
public sealed class MailOutageTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    static readonly TimeSpan Outage = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Receipts_and_reminders_refused_during_a_20_second_smtp_outage_arrive_once_each_after_it_and_the_cycle_completes()
    {
        var clock = Stopwatch.StartNew();
        await using var smtp = new SmtpCapture();
        await using var engine = await TestEngine.StartAsync(azurite, smtp, TestEngine.NewPrefix());
        var agreement = await TestEngine.LoadDemoAgreementAsync(engine);
        var starter = engine.Services.GetRequiredService<CycleStarter>();

        // Reminder 12 s after start, deadline 45 s after start: the reminder falls inside the outage.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(45);
        var input = new AnnualCycleInput(agreement.Id, 2025, deadline, [TimeSpan.FromSeconds(33)], TimeSpan.Zero, TimeSpan.FromSeconds(30));
        var (instanceId, _) = await starter.StartAsync(engine.Client, input);
        await smtp.WaitForAsync(m => m.Count(x => x.Headers["X-Trygghet-Kind"] == "invitation") == 6, TimeSpan.FromSeconds(30));
        string LinkOf(Owner owner) => FormClient.LinkIn(smtp.OfKind("invitation").Single(m => m.To.Mailboxes.Single().Address == owner.Email));

        // The mail server goes down; three owners submit during the outage (their receipts are refused at first).
        smtp.Refuse = true;
        var outageStarted = clock.Elapsed;
        output.WriteLine($"{clock.Elapsed.TotalSeconds,5:0.0} s  SMTP refusing");
        var answering = agreement.AnsweringOwners().Take(3).ToList();
        using var form = new FormClient();
        foreach (var owner in answering)
        {
            var (status, _) = await form.PostAsync(LinkOf(owner), Answers.For(agreement, owner.Id));
            Assert.Equal(200, status);
        }

        await Task.Delay(Outage - (clock.Elapsed - outageStarted));
        Assert.Equal(6, smtp.Messages.Count);
        smtp.Refuse = false;
        output.WriteLine($"{clock.Elapsed.TotalSeconds,5:0.0} s  SMTP back");

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var state = await engine.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        await smtp.WaitForAsync(m => m.Any(x => x.Headers["X-Trygghet-Kind"] == "report-delivery"), TimeSpan.FromSeconds(30));
        output.WriteLine($"{clock.Elapsed.TotalSeconds,5:0.0} s  cycle completed");

        // Exactly the mail a cycle without an outage sends: nothing lost, nothing doubled.
        string[] To(string kind) => smtp.OfKind(kind).Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal).ToArray();
        var silent = agreement.AnsweringOwners().Skip(3).ToList();
        Assert.Equal(agreement.AnsweringOwners().Select(o => o.Email).Order(StringComparer.Ordinal), To("invitation"));
        Assert.Equal(answering.Select(o => o.Email).Order(StringComparer.Ordinal), To("receipt"));
        Assert.Equal(silent.Select(o => o.Email).Order(StringComparer.Ordinal), To("reminder"));
        Assert.Single(smtp.OfKind("deadline-notice"));
        Assert.Single(smtp.OfKind("report-delivery"));
        output.WriteLine(
            $"Figures: outage {Outage.TotalSeconds:0} s, wall time {clock.Elapsed.TotalSeconds:0.0} s, mails {smtp.Messages.Count} " +
            $"(6 invitations, {To("receipt").Length} receipts and {To("reminder").Length} reminders delayed by the outage, 1 deadline notice, 1 delivery)");
    }
}
