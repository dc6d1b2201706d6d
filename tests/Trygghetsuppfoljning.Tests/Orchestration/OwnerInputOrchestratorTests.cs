using Microsoft.DurableTask.Client;
using Trygghetsuppfoljning.Workflows.Orchestration;

namespace Trygghetsuppfoljning.Tests.Orchestration;

/// <summary>The legacy owner instance, which cycles started by earlier versions still run.</summary>
public sealed class OwnerInputOrchestratorTests
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    static OwnerInputInput Input(DateTimeOffset deadline, TimeSpan grace, TimeSpan debounce, params TimeSpan[] reminders) =>
        new("a", 2025, "o1", "no-such-cycle", deadline, reminders, grace, debounce);

    static async Task<OrchestrationMetadata> CloseAndWaitAsync(DurableTaskClient client, string id)
    {
        await client.RaiseAsync(id, new CycleClosingEvent("cycle"));
        using var timeout = new CancellationTokenSource(Patience);
        return await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
    }

    [Fact]
    public async Task Owner_who_never_answers_gets_each_reminder_once_and_no_receipt()
    {
        var calls = new RecordedCalls();
        await using var host = await OrchestrationHost.StartAsync(calls, new HashSet<string>());

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(OwnerInputOrchestrator), Input(DateTimeOffset.UtcNow.AddSeconds(6), TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(2)));
        await calls.WaitForAsync("remind:o1:2");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var state = await CloseAndWaitAsync(host.Client, id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.False(state.ReadOutputAs<OwnerInputResult>()!.Submitted);
        Assert.Equal(["invite:o1", "remind:o1:1", "remind:o1:2", "receipt:o1"], calls.All);
    }

    [Fact]
    public async Task Reminders_already_overdue_when_the_owner_starts_are_skipped_not_sent_in_a_burst()
    {
        var calls = new RecordedCalls();
        await using var host = await OrchestrationHost.StartAsync(calls, new HashSet<string>());

        // Started 3 s before the deadline: the reminders 10 and 5 days before it are overdue; only the one 1 s before is due.
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(OwnerInputOrchestrator), Input(DateTimeOffset.UtcNow.AddSeconds(3), TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromDays(10), TimeSpan.FromDays(5), TimeSpan.FromSeconds(1)));
        await calls.WaitForAsync("remind:");
        await Task.Delay(TimeSpan.FromSeconds(2));
        await CloseAndWaitAsync(host.Client, id);

        Assert.Equal(["invite:o1", "remind:o1:3", "receipt:o1"], calls.All);
    }

    [Fact]
    public async Task Repeated_submits_close_together_get_one_receipt()
    {
        var calls = new RecordedCalls();
        var submitted = new HashSet<string> { "o1" };
        await using var host = await OrchestrationHost.StartAsync(calls, submitted);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(OwnerInputOrchestrator), Input(DateTimeOffset.UtcNow.AddMinutes(10), TimeSpan.Zero, TimeSpan.FromSeconds(3)));
        await calls.WaitForAsync("invite:");
        foreach (var revision in new[] { 1, 2, 3 })
        {
            await host.Client.RaiseAsync(id, new ResponseSubmittedEvent(revision));
        }

        await calls.WaitForAsync("receipt:");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(1, calls.Count("receipt:"));

        // A submit well after the first burst gets its own receipt.
        await host.Client.RaiseAsync(id, new ResponseSubmittedEvent(4));
        await calls.WaitForAsync("receipt:", 2);
        var state = await CloseAndWaitAsync(host.Client, id);

        Assert.True(state.ReadOutputAs<OwnerInputResult>()!.Submitted);
        Assert.Equal(["invite:o1", "receipt:o1", "receipt:o1", "receipt:o1"], calls.All);
    }

    [Fact]
    public async Task Extended_deadline_moves_the_owners_reminder()
    {
        var calls = new RecordedCalls();
        await using var host = await OrchestrationHost.StartAsync(calls, new HashSet<string>());
        var started = DateTimeOffset.UtcNow;

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(OwnerInputOrchestrator), Input(started.AddSeconds(30), TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromSeconds(25)));
        await calls.WaitForAsync("invite:");
        await host.Client.RaiseAsync(id, new DeadlineExtendedEvent(started.AddSeconds(34)));
        await calls.WaitForAsync("remind:");

        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromSeconds(8.5), "the reminder went by the old deadline");
        await CloseAndWaitAsync(host.Client, id);
        Assert.Equal(["invite:o1", "remind:o1:1", "receipt:o1"], calls.All);
    }

    [Fact]
    public async Task Owner_missing_at_the_deadline_is_told_at_once_when_the_deadline_is_extended()
    {
        var calls = new RecordedCalls();
        await using var host = await OrchestrationHost.StartAsync(calls, new HashSet<string>());

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(OwnerInputOrchestrator), Input(DateTimeOffset.UtcNow.AddSeconds(2), TimeSpan.FromMinutes(10), TimeSpan.Zero));
        await Task.Delay(TimeSpan.FromSeconds(3));
        await host.Client.RaiseAsync(id, new DeadlineExtendedEvent(DateTimeOffset.UtcNow.AddDays(7)));
        await calls.WaitForAsync("remind:");
        await CloseAndWaitAsync(host.Client, id);

        Assert.Equal(["invite:o1", "remind:o1:1", "receipt:o1"], calls.All);
    }

    [Fact]
    public async Task Owner_who_answers_in_the_grace_period_gets_a_receipt_and_stops_when_the_cycle_closes()
    {
        var calls = new RecordedCalls();
        var submitted = new HashSet<string>();
        await using var host = await OrchestrationHost.StartAsync(calls, submitted);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(OwnerInputOrchestrator), Input(DateTimeOffset.UtcNow.AddSeconds(2), TimeSpan.FromMinutes(5), TimeSpan.Zero));
        await Task.Delay(TimeSpan.FromSeconds(3));
        submitted.Add("o1");
        await host.Client.RaiseAsync(id, new ResponseSubmittedEvent(1));
        await calls.WaitForAsync("receipt:");

        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);
        var state = await CloseAndWaitAsync(host.Client, id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal(["invite:o1", "receipt:o1", "receipt:o1"], calls.All);
    }
}
