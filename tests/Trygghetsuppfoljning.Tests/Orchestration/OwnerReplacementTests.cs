using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Orchestration;

namespace Trygghetsuppfoljning.Tests.Orchestration;

public sealed class OwnerReplacementTests
{
    [Fact]
    public async Task Replacement_mid_cycle_starts_the_new_owners_instance_and_the_cycle_no_longer_waits_for_the_old_one()
    {
        var calls = new RecordedCalls();
        await using var host = await OrchestrationHost.StartAsync(calls, new HashSet<string>());

        // A settle time of ten minutes: if the cycle still waited for the replaced owner, this test would time out.
        var input = new AnnualCycleInput("a", 2025, DateTimeOffset.UtcNow.AddDays(30), [], TimeSpan.Zero, TimeSpan.FromMinutes(10));
        var id = CycleIds.CycleInstance("a", 2025);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(AnnualCycleOrchestrator), input, new StartOrchestrationOptions(id));
        while (calls.Count("invite:") < 3)
        {
            await Task.Delay(100);
        }

        await host.Client.RaiseEventAsync(id, CycleEvents.OwnerReplaced, new OwnerReplacedEvent("o3", "o4"));
        while (calls.Count("invite:o4") < 1)
        {
            await Task.Delay(100);
        }

        await host.Client.RaiseEventAsync(id, CycleEvents.CloseRequested, new CloseRequestedEvent("test"));

        // The stand-in SignalOwnersActivity only records; tell the current owners ourselves, as the real one would. Not o3.
        while (calls.Count("signal:CycleClosing") < 1)
        {
            await Task.Delay(100);
        }

        foreach (var owner in new[] { "o1", "o2", "o4" })
        {
            await host.Client.RaiseEventAsync(CycleIds.OwnerInstance("a", 2025, owner), CycleEvents.CycleClosing, new CloseRequestedEvent("cycle"));
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var state = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await host.Client.GetInstanceAsync(CycleIds.OwnerInstance("a", 2025, "o4")))?.RuntimeStatus);
        Assert.Equal(1, calls.Count("outcome:o4"));
        Assert.Equal(0, calls.Count("outcome:o3"));
    }
}
