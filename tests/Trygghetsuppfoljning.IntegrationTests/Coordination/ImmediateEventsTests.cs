using Microsoft.DurableTask.Client;
using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.Workflows.Coordination;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.IntegrationTests.Coordination;

/// <summary>
/// Coordinator events sent the moment a cycle exists reach it, even while its instance has only just been scheduled
/// (still Pending, where the Azure Storage backend may drop an event).
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class ImmediateEventsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Extension_and_close_sent_right_after_the_start_still_reach_the_cycle()
    {
        await using var smtp = new SmtpCapture();
        await using var engine = await TestEngine.StartAsync(azurite, smtp, TestEngine.NewPrefix(), new Dictionary<string, string?> { ["Schedule:OwnerSettleTime"] = "00:00:15" });
        var agreement = await TestEngine.LoadDemoAgreementAsync(engine);
        var coordinator = engine.Services.GetRequiredService<CoordinatorService>();
        var deadline = DateTimeOffset.UtcNow.AddHours(1);

        Assert.Equal(202, (await coordinator.StartAsync(engine.Client, agreement.Id, 2025, deadline, "test")).StatusCode);
        var cycles = engine.Services.GetRequiredService<CycleRepository>();
        while (await cycles.FindAsync(agreement.Id, 2025) is null)
        {
            await Task.Delay(20);
        }

        Assert.Equal(200, (await coordinator.ExtendAsync(engine.Client, agreement.Id, 2025, deadline.AddHours(1), "test")).StatusCode);
        var closing = (await coordinator.CloseAsync(engine.Client, agreement.Id, 2025, "test")).StatusCode;
        Assert.True(closing is 200 or 202, $"close answered {closing}");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var state = await engine.Client.WaitForInstanceCompletionAsync(CycleIds.CycleInstance(agreement.Id, 2025), timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        var cycle = await cycles.GetAsync(agreement.Id, 2025);
        Assert.Equal(CycleState.Closed, cycle.State);
        Assert.Equal(deadline.AddHours(1), cycle.DeadlineUtc);

        // Owners are rounds of the cycle now, not instances of their own.
        Assert.All(agreement.AnsweringOwners(), o => Assert.Null(engine.Client.GetInstanceAsync(CycleIds.OwnerInstance(agreement.Id, 2025, o.Id)).GetAwaiter().GetResult()));
    }
}
