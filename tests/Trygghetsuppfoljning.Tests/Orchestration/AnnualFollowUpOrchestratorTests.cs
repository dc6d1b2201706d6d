using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Orchestration;

namespace Trygghetsuppfoljning.Tests.Orchestration;

/// <summary>The cycle as it runs now: owner steps are rounds over the roster, one activity each, never an instance per owner.</summary>
public sealed class AnnualFollowUpOrchestratorTests
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    static readonly string Id = CycleIds.CycleInstance("a", 2025);

    static AnnualCycleInput Input(DateTimeOffset deadline, TimeSpan grace, params TimeSpan[] reminders) =>
        new("a", 2025, deadline, reminders, grace, TimeSpan.Zero, TimeSpan.Zero);

    static async Task<OrchestrationMetadata> StartAndWaitAsync(DurableTaskTestHostLike host, AnnualCycleInput input)
    {
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(AnnualFollowUpOrchestrator), input, new StartOrchestrationOptions(Id));
        using var timeout = new CancellationTokenSource(Patience);
        return await host.Client.WaitForInstanceCompletionAsync(Id, getInputsAndOutputs: true, timeout.Token);
    }

    [Fact]
    public async Task Cycle_invites_in_one_round_reminds_on_schedule_reads_outcomes_at_the_deadline_and_delivers()
    {
        var calls = new RecordedCalls();
        var submitted = new HashSet<string> { "o1", "o2" };
        await using var host = await OrchestrationHost.StartAsync(calls, submitted);

        var state = await StartAndWaitAsync(new(host.Client), Input(DateTimeOffset.UtcNow.AddSeconds(5), TimeSpan.Zero, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1)));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        var result = state.ReadOutputAs<AnnualCycleResult>()!;
        Assert.Equal((3, 2), (result.OwnersTotal, result.OwnersAnswered));
        Assert.Equal(
            ["prepare", "invite-owners", "remind-owners:1", "remind-owners:2", "outcomes", "notify-coordinator", "close", "receipts:all",
             "final-answers", "aggregate", "report", "deliver:a/2025/report.docx", "approval"],
            calls.By(Id));

        // No owner has an instance of their own any more.
        Assert.Null(await host.Client.GetInstanceAsync(CycleIds.OwnerInstance("a", 2025, "o1")));
    }

    [Fact]
    public async Task Cycle_history_does_not_grow_with_the_number_of_owners()
    {
        async Task<IReadOnlyList<string>> CycleCallsWith(int owners)
        {
            var calls = new RecordedCalls();
            var roster = Enumerable.Range(1, owners).Select(i => $"o{i}").ToList();
            await using var host = await OrchestrationHost.StartAsync(calls, roster.Take(owners / 2).ToHashSet(), roster);
            await StartAndWaitAsync(new(host.Client), Input(DateTimeOffset.UtcNow.AddSeconds(3), TimeSpan.Zero, TimeSpan.FromSeconds(1)));
            return calls.By(Id);
        }

        // The same tasks in the same order for 2 and 50 owners: the cycle never calls or hears from owners one by one.
        var few = await CycleCallsWith(2);
        Assert.Equal(few, await CycleCallsWith(50));
        Assert.Equal(1, few.Count(c => c == "invite-owners"));
    }

    [Fact]
    public async Task Reminder_rounds_already_overdue_when_the_cycle_starts_are_skipped_not_sent_in_a_burst()
    {
        var calls = new RecordedCalls();
        await using var host = await OrchestrationHost.StartAsync(calls, new HashSet<string>());

        // Started 3 s before the deadline: the rounds 10 and 5 days before it are overdue; only the one 1 s before is due.
        await StartAndWaitAsync(new(host.Client), Input(DateTimeOffset.UtcNow.AddSeconds(3), TimeSpan.Zero, TimeSpan.FromDays(10), TimeSpan.FromDays(5), TimeSpan.FromSeconds(1)));

        Assert.Equal(["remind-owners:3"], calls.By(Id).Where(c => c.StartsWith("remind", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Close_request_ends_the_cycle_long_before_its_deadline_and_sends_the_receipts_owed()
    {
        var calls = new RecordedCalls();
        await using var host = await OrchestrationHost.StartAsync(calls, new HashSet<string>());

        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(AnnualFollowUpOrchestrator), Input(DateTimeOffset.UtcNow.AddDays(30), TimeSpan.FromDays(7), TimeSpan.FromDays(14)), new StartOrchestrationOptions(Id));
        await calls.WaitForAsync("invite-owners");
        await host.Client.RaiseAsync(Id, new CloseRequestedEvent("test"));
        using var timeout = new CancellationTokenSource(Patience);
        var state = await host.Client.WaitForInstanceCompletionAsync(Id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal(
            ["prepare", "invite-owners", "close", "outcomes", "receipts:all", "final-answers", "aggregate", "report", "deliver:a/2025/report.docx", "approval"],
            calls.By(Id));
    }

    [Fact]
    public async Task Extension_in_the_grace_period_reopens_the_cycle_and_reminds_the_missing_owners_at_once()
    {
        var calls = new RecordedCalls();
        await using var host = await OrchestrationHost.StartAsync(calls, new HashSet<string>());

        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(AnnualFollowUpOrchestrator), Input(DateTimeOffset.UtcNow.AddSeconds(3), TimeSpan.FromMinutes(10)), new StartOrchestrationOptions(Id));
        await calls.WaitForAsync("notify-coordinator");

        // In the grace period: the coordinator extends; owners still missing are told at once; the cycle is open again
        // until the new deadline, then in grace again.
        await host.Client.RaiseAsync(Id, new DeadlineExtendedEvent(DateTimeOffset.UtcNow.AddSeconds(4)));
        await calls.WaitForAsync("remind-owners:1");
        await calls.WaitForAsync("notify-coordinator", 2);
        Assert.Equal(0, calls.Count("close"));

        await host.Client.RaiseAsync(Id, new CloseRequestedEvent("test"));
        using var timeout = new CancellationTokenSource(Patience);
        var state = await host.Client.WaitForInstanceCompletionAsync(Id, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal(
            ["prepare", "invite-owners", "outcomes", "notify-coordinator", "remind-owners:1", "outcomes", "notify-coordinator", "close", "receipts:all",
             "final-answers", "aggregate", "report", "deliver:a/2025/report.docx", "approval"],
            calls.By(Id));
    }

    [Fact]
    public async Task Extension_before_the_deadline_moves_the_reminder_rounds_and_mails_nobody_at_once()
    {
        var calls = new RecordedCalls();
        await using var host = await OrchestrationHost.StartAsync(calls, new HashSet<string>());

        // A round 10 minutes before a deadline 10 minutes and 3 s away; moved 3 s later the round falls 3 s from now.
        var deadline = DateTimeOffset.UtcNow.AddMinutes(10).AddSeconds(3);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(AnnualFollowUpOrchestrator), Input(deadline, TimeSpan.Zero, TimeSpan.FromMinutes(10)), new StartOrchestrationOptions(Id));
        await calls.WaitForAsync("invite-owners");
        await host.Client.RaiseAsync(Id, new DeadlineExtendedEvent(deadline.AddSeconds(3)));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(0, calls.Count("remind-owners"));

        await calls.WaitForAsync("remind-owners:1");
        await host.Client.RaiseAsync(Id, new CloseRequestedEvent("test"));
        using var timeout = new CancellationTokenSource(Patience);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await host.Client.WaitForInstanceCompletionAsync(Id, timeout.Token)).RuntimeStatus);
        Assert.Equal(1, calls.Count("remind-owners"));
    }

    [Fact]
    public async Task Owner_added_during_the_cycle_is_invited_by_another_round()
    {
        var calls = new RecordedCalls();
        await using var host = await OrchestrationHost.StartAsync(calls, new HashSet<string>());

        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(AnnualFollowUpOrchestrator), Input(DateTimeOffset.UtcNow.AddDays(30), TimeSpan.Zero), new StartOrchestrationOptions(Id));
        await calls.WaitForAsync("invite-owners");
        await host.Client.RaiseAsync(Id, new OwnerAddedEvent("o4"));
        await calls.WaitForAsync("invite-owners", 2);
        await host.Client.RaiseAsync(Id, new CloseRequestedEvent("test"));
        using var timeout = new CancellationTokenSource(Patience);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await host.Client.WaitForInstanceCompletionAsync(Id, timeout.Token)).RuntimeStatus);
        Assert.Equal(["prepare", "invite-owners", "invite-owners", "close"], calls.By(Id).Take(4));
    }

    /// <summary>Just the client of the in-memory host, so the helper above does not depend on the host's type.</summary>
    sealed record DurableTaskTestHostLike(DurableTaskClient Client);
}
