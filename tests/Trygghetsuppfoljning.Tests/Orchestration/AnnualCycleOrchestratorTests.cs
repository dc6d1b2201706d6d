using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Orchestration;

namespace Trygghetsuppfoljning.Tests.Orchestration;

/// <summary>The legacy cycle orchestrator (an instance per owner) still runs the cycles earlier versions started.</summary>
public sealed class AnnualCycleOrchestratorTests
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    static readonly string Id = CycleIds.CycleInstance("a", 2025);

    static AnnualCycleInput Input(DateTimeOffset deadline, TimeSpan grace, params TimeSpan[] reminders) =>
        new("a", 2025, deadline, reminders, grace, TimeSpan.Zero, TimeSpan.Zero);

    [Fact]
    public async Task Cycle_invites_each_owner_once_reads_outcomes_once_at_the_deadline_and_delivers()
    {
        var calls = new RecordedCalls();
        var submitted = new HashSet<string> { "o1", "o2" };
        await using var host = await OrchestrationHost.StartAsync(calls, submitted);

        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(AnnualCycleOrchestrator), Input(DateTimeOffset.UtcNow.AddSeconds(4), TimeSpan.Zero), new StartOrchestrationOptions(Id));
        using var timeout = new CancellationTokenSource(Patience);
        var state = await host.Client.WaitForInstanceCompletionAsync(Id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        var result = state.ReadOutputAs<AnnualCycleResult>()!;
        Assert.Equal((3, 2), (result.OwnersTotal, result.OwnersAnswered));
        Assert.Equal(1, calls.Count("invite:o1"));
        Assert.Equal(3, calls.Count("invite:"));
        Assert.Equal(
            ["prepare", "start-owners", "outcomes", "notify-coordinator", "close", "signal:closing", "final-answers", "aggregate", "report", "deliver:a/2025/report.docx", "approval"],
            calls.By(Id));

        // Every owner ran as its own top-level instance with the documented id, and stopped when the cycle closed.
        foreach (var owner in OrchestrationHost.DefaultOwners)
        {
            var ownerId = CycleIds.OwnerInstance("a", 2025, owner);
            using var ownerTimeout = new CancellationTokenSource(Patience);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, (await host.Client.WaitForInstanceCompletionAsync(ownerId, ownerTimeout.Token)).RuntimeStatus);
        }
    }

    [Fact]
    public async Task Cycle_history_does_not_grow_with_the_number_of_owners()
    {
        async Task<IReadOnlyList<string>> CycleCallsWith(int owners)
        {
            var calls = new RecordedCalls();
            var roster = Enumerable.Range(1, owners).Select(i => $"o{i}").ToList();
            await using var host = await OrchestrationHost.StartAsync(calls, roster.Take(owners / 2).ToHashSet(), roster);
            await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(AnnualCycleOrchestrator), Input(DateTimeOffset.UtcNow.AddSeconds(3), TimeSpan.Zero), new StartOrchestrationOptions(Id));
            using var timeout = new CancellationTokenSource(Patience);
            await host.Client.WaitForInstanceCompletionAsync(Id, timeout.Token);
            Assert.Equal(owners, calls.Count("invite:"));
            return calls.By(Id);
        }

        // The same tasks in the same order for 2 and 12 owners: the cycle neither calls nor hears from owners one by one.
        Assert.Equal(await CycleCallsWith(2), await CycleCallsWith(12));
    }

    [Fact]
    public async Task Close_request_ends_the_cycle_long_before_its_deadline()
    {
        var calls = new RecordedCalls();
        await using var host = await OrchestrationHost.StartAsync(calls, new HashSet<string>());

        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(AnnualCycleOrchestrator), Input(DateTimeOffset.UtcNow.AddDays(30), TimeSpan.FromDays(7), TimeSpan.FromDays(14)), new StartOrchestrationOptions(Id));
        await calls.WaitForAsync("invite:", 3);
        await host.Client.RaiseAsync(Id, new CloseRequestedEvent("test"));
        using var timeout = new CancellationTokenSource(Patience);
        var state = await host.Client.WaitForInstanceCompletionAsync(Id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal(["prepare", "start-owners", "close", "outcomes", "signal:closing", "final-answers", "aggregate", "report", "deliver:a/2025/report.docx", "approval"], calls.By(Id));
        Assert.Equal(0, state.ReadOutputAs<AnnualCycleResult>()!.OwnersAnswered);
    }

    [Fact]
    public async Task Extension_in_the_grace_period_reopens_the_cycle_and_tells_the_owners()
    {
        var calls = new RecordedCalls();
        await using var host = await OrchestrationHost.StartAsync(calls, new HashSet<string>());

        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(AnnualCycleOrchestrator), Input(DateTimeOffset.UtcNow.AddSeconds(3), TimeSpan.FromMinutes(10)), new StartOrchestrationOptions(Id));
        await calls.WaitForAsync("notify-coordinator");

        // In the grace period: the coordinator extends; the cycle is open again until the new deadline, then in grace again.
        await host.Client.RaiseAsync(Id, new DeadlineExtendedEvent(DateTimeOffset.UtcNow.AddSeconds(4)));
        await calls.WaitForAsync("signal:extended");
        await calls.WaitForAsync("notify-coordinator", 2);
        Assert.Equal(0, calls.Count("close"));

        await host.Client.RaiseAsync(Id, new CloseRequestedEvent("test"));
        using var timeout = new CancellationTokenSource(Patience);
        var state = await host.Client.WaitForInstanceCompletionAsync(Id, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal(
            ["prepare", "start-owners", "outcomes", "notify-coordinator", "signal:extended", "outcomes", "notify-coordinator", "close", "signal:closing", "final-answers", "aggregate", "report", "deliver:a/2025/report.docx", "approval"],
            calls.By(Id));
    }
}
