using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Orchestration;

namespace Trygghetsuppfoljning.Tests.Orchestration;

public sealed class AnnualCycleOrchestratorTests
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Cycle_invites_each_owner_once_reports_the_missing_and_delivers_after_the_deadline()
    {
        var calls = new RecordedCalls();
        var submitted = new HashSet<string> { "o1", "o2" };
        await using var host = await OrchestrationHost.StartAsync(calls, submitted);
        var input = new AnnualCycleInput("a", 2025, DateTimeOffset.UtcNow.AddSeconds(5), [], TimeSpan.Zero, TimeSpan.FromSeconds(20));
        var id = CycleIds.CycleInstance("a", 2025);

        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(AnnualCycleOrchestrator), input, new StartOrchestrationOptions(id));
        using var timeout = new CancellationTokenSource(Patience);
        var state = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        var result = state.ReadOutputAs<AnnualCycleResult>()!;
        Assert.Equal(["o3"], result.MissingOwnerIds);
        Assert.Equal(1, calls.Count("invite:o1"));
        Assert.Equal(3, calls.Count("invite:"));
        Assert.Equal(3, calls.Count("outcome:"));
        var tail = calls.All.SkipWhile(c => c != "notify-coordinator").ToList();
        Assert.Equal(["notify-coordinator", "close", "aggregate", "report", "deliver:a/2025/report.docx"], tail);

        // Every owner ran as its own top-level instance with the documented id.
        foreach (var owner in new[] { "o1", "o2", "o3" })
        {
            var ownerState = await host.Client.GetInstanceAsync(CycleIds.OwnerInstance("a", 2025, owner));
            Assert.Equal(OrchestrationRuntimeStatus.Completed, ownerState?.RuntimeStatus);
        }
    }

    [Fact]
    public async Task Close_request_ends_the_cycle_long_before_its_deadline()
    {
        var calls = new RecordedCalls();
        await using var host = await OrchestrationHost.StartAsync(calls, new HashSet<string>());
        var input = new AnnualCycleInput("a", 2025, DateTimeOffset.UtcNow.AddDays(30), [TimeSpan.FromDays(14)], TimeSpan.FromDays(7), TimeSpan.FromSeconds(20));
        var id = CycleIds.CycleInstance("a", 2025);

        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(AnnualCycleOrchestrator), input, new StartOrchestrationOptions(id));
        await host.Client.WaitForInstanceStartAsync(id);
        while (calls.Count("invite:") < 3)
        {
            await Task.Delay(100);
        }

        await host.Client.RaiseEventAsync(id, CycleEvents.CloseRequested, new CloseRequestedEvent("test"));
        using var timeout = new CancellationTokenSource(Patience);
        var state = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Contains("signal:CycleClosing", calls.All);
        Assert.Equal(3, state.ReadOutputAs<AnnualCycleResult>()!.MissingOwnerIds.Count);
    }
}
