using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Mail;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.IntegrationTests.Foundation;

/// <summary>A receipt owed is sent once, however many senders reach it at the same moment (the sweeper and the closing cycle).</summary>
[Collection(AzuriteTests.Name)]
public sealed class ReceiptOutboxTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Senders_racing_for_the_same_receipts_mail_each_one_once_and_leave_nothing_owed()
    {
        await using var smtp = new SmtpCapture();
        await using var engine = await TestEngine.StartAsync(azurite, smtp, TestEngine.NewPrefix());
        var agreement = await TestEngine.LoadDemoAgreementAsync(engine);
        var now = DateTimeOffset.UtcNow;
        var cycle = await engine.Services.GetRequiredService<CycleRepository>().EnsureAsync(new Cycle(agreement.Id, 2025, now, now.AddDays(30), CycleState.Open));
        await engine.Services.GetRequiredService<CycleRosterRepository>().EnsureSnapshotAsync(cycle.Id, agreement);
        var owners = agreement.AnsweringOwners().Select(o => o.Id).ToList();
        var responses = engine.Services.GetRequiredService<ResponseRepository>();
        foreach (var owner in owners)
        {
            var answers = agreement.MeasuresOf(owner).Select(m => new MeasureAnswer(m.Id, MeasureStatus.OnTrack, TrafficLight.Green, "Klart.", new Dictionary<string, decimal?>(), "Fortsätta.")).ToList();
            await responses.AppendAsync(cycle.Id, owner, ResponseKind.Submitted, now, answers, receiptDueUtc: now);
        }

        // Four explicit senders at once, and the host's own sweeper (every 200 ms) as a fifth.
        var sweeper = engine.Services.GetRequiredService<ReceiptSweeper>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => sweeper.SendDueAsync(agreement.Id, 2025, DateTimeOffset.MaxValue, untilNoneOwed: i == 0))));
        await Task.Delay(TimeSpan.FromSeconds(1));

        var receipts = smtp.OfKind("receipt");
        Assert.Equal(owners.Order(StringComparer.Ordinal), receipts.Select(m => m.MessageId!.Split('.')[2]).Order(StringComparer.Ordinal));
        Assert.Empty(await engine.Services.GetRequiredService<ReceiptOutboxRepository>().ListDueAsync(cycle.Id, DateTimeOffset.MaxValue));
    }
}
