using Microsoft.DurableTask.Client;
using Trygghetsuppfoljning.Workflows.Orchestration;

namespace Trygghetsuppfoljning.Tests.Orchestration;

public sealed class OwnerInputOrchestratorTests
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Owner_who_never_answers_gets_each_reminder_once_and_is_reported_missing()
    {
        var calls = new RecordedCalls();
        await using var host = await OrchestrationHost.StartAsync(calls, new HashSet<string>());
        var input = new OwnerInputInput("a", 2025, "o1", "no-such-cycle", DateTimeOffset.UtcNow.AddSeconds(6), [TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(2)]);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(OwnerInputOrchestrator), input);
        using var timeout = new CancellationTokenSource(Patience);
        var state = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.False(state.ReadOutputAs<OwnerInputResult>()!.Submitted);
        Assert.Equal(["invite:o1", "remind:o1:1", "remind:o1:2", "outcome:o1"], calls.All);
    }

    [Fact]
    public async Task Owner_who_submits_gets_a_receipt_per_submission_and_no_reminder()
    {
        var calls = new RecordedCalls();
        var submitted = new HashSet<string> { "o1" };
        await using var host = await OrchestrationHost.StartAsync(calls, submitted);
        var input = new OwnerInputInput("a", 2025, "o1", "no-such-cycle", DateTimeOffset.UtcNow.AddSeconds(8), [TimeSpan.FromSeconds(3)]);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(OwnerInputOrchestrator), input);
        await host.Client.WaitForInstanceStartAsync(id);
        await host.Client.RaiseEventAsync(id, CycleEvents.ResponseSubmitted, new ResponseSubmittedEvent(1));
        await host.Client.RaiseEventAsync(id, CycleEvents.ResponseSubmitted, new ResponseSubmittedEvent(2));
        using var timeout = new CancellationTokenSource(Patience);
        var state = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.True(state.ReadOutputAs<OwnerInputResult>()!.Submitted);
        Assert.Equal(["invite:o1", "receipt:o1:1", "receipt:o1:2", "outcome:o1"], calls.All);
    }

    [Fact]
    public async Task Extended_deadline_moves_the_owners_reminder_and_end()
    {
        var calls = new RecordedCalls();
        await using var host = await OrchestrationHost.StartAsync(calls, new HashSet<string>());
        var started = DateTimeOffset.UtcNow;
        var input = new OwnerInputInput("a", 2025, "o1", "no-such-cycle", started.AddSeconds(4), [TimeSpan.FromSeconds(2)]);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(OwnerInputOrchestrator), input);
        await host.Client.WaitForInstanceStartAsync(id);
        await host.Client.RaiseEventAsync(id, CycleEvents.DeadlineExtended, new DeadlineExtendedEvent(started.AddSeconds(10)));
        using var timeout = new CancellationTokenSource(Patience);
        await host.Client.WaitForInstanceCompletionAsync(id, timeout.Token);

        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromSeconds(9.5), "the owner's part ended before the extended deadline");
        Assert.Equal(["invite:o1", "remind:o1:1", "outcome:o1"], calls.All);
    }

    [Fact]
    public async Task Owner_who_answers_in_the_grace_period_gets_a_receipt_and_stops_when_the_cycle_closes()
    {
        var calls = new RecordedCalls();
        await using var host = await OrchestrationHost.StartAsync(calls, new HashSet<string>());
        var input = new OwnerInputInput("a", 2025, "o1", "no-such-cycle", DateTimeOffset.UtcNow.AddSeconds(2), [], TimeSpan.FromMinutes(5));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(OwnerInputOrchestrator), input);
        while (calls.Count("outcome:") == 0)
        {
            await Task.Delay(100);
        }

        await host.Client.RaiseEventAsync(id, CycleEvents.ResponseSubmitted, new ResponseSubmittedEvent(1));
        while (calls.Count("receipt:") == 0)
        {
            await Task.Delay(100);
        }

        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);
        await host.Client.RaiseEventAsync(id, CycleEvents.CycleClosing, new CloseRequestedEvent("cycle"));
        using var timeout = new CancellationTokenSource(Patience);
        var state = await host.Client.WaitForInstanceCompletionAsync(id, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal(["invite:o1", "outcome:o1", "receipt:o1:1"], calls.All);
    }
}
