using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Orchestration;

namespace Trygghetsuppfoljning.Tests.Orchestration;

/// <summary>
/// The real <see cref="SteeringApprovalOrchestrator"/> on the in-memory host; the stored decision is a field the
/// stand-in read activity returns, as Tables would.
/// </summary>
public sealed class SteeringApprovalOrchestratorTests
{
    sealed class Store
    {
        public volatile StoredDecision Decision = new(false, false, null);
    }

    static Task<DurableTaskTestHost> StartAsync(RecordedCalls calls, Store store) =>
        DurableTaskTestHost.StartAsync(
            r =>
            {
                r.AddOrchestrator<SteeringApprovalOrchestrator>();
                r.AddActivityFunc<ApprovalTaskInput, StoredDecision>(nameof(ReadSteeringDecisionActivity), (_, _) =>
                {
                    calls.Add("read");
                    return store.Decision;
                });
                r.AddActivityFunc<SendApprovalReminderInput, bool>(nameof(SendApprovalReminderActivity), (_, i) =>
                {
                    calls.Add($"remind:{i.ReminderNumber}");
                    return true;
                });
                r.AddActivityFunc<ApprovalTaskInput, string>(nameof(ArchiveApprovedReportActivity), (_, i) =>
                {
                    calls.Add($"archive:{i.AgreementId}:{i.Year}");
                    return "a/2025/report.docx";
                });
                r.AddActivityFunc<ApprovalTaskInput, bool>(nameof(PublishCitizenSummaryActivity), (_, i) =>
                {
                    calls.Add($"publish:{i.AgreementId}:{i.Year}");
                    return true;
                });
            },
            new DurableTaskTestHostOptions { Port = FreeLoopbackPort() });

    [Fact]
    public async Task Approval_recorded_while_waiting_publishes_the_citizens_summary()
    {
        var calls = new RecordedCalls();
        var store = new Store();
        await using var host = await StartAsync(calls, store);
        var id = CycleIds.ApprovalInstance("a", 2025);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(SteeringApprovalOrchestrator), new SteeringApprovalInput("a", 2025, TimeSpan.FromHours(1), TimeSpan.FromDays(30)), new StartOrchestrationOptions(id));
        await host.Client.WaitForInstanceStartAsync(id);
        while (calls.Count("read") < 1)
        {
            await Task.Delay(50);
        }

        // As CoordinatorService does: store first, then wake the instance.
        store.Decision = new StoredDecision(true, true, new DateOnly(2026, 2, 10));
        await host.Client.RaiseEventAsync(id, ApprovalEvents.SteeringDecisionRecorded, new SteeringDecisionRecordedEvent(true));

        var result = await CompleteAsync(host, id);
        Assert.Equal(SteeringApprovalOutcome.Approved, result.Outcome);
        Assert.Equal(new DateOnly(2026, 2, 10), result.DecidedOn);
        Assert.Equal(1, calls.Count("publish:a:2025"));
        Assert.Equal(1, calls.Count("archive:a:2025"));
        Assert.Equal(0, calls.Count("remind:"));
    }

    [Fact]
    public async Task Approval_stored_before_the_instance_ran_is_found_without_any_event()
    {
        var calls = new RecordedCalls();
        var store = new Store { Decision = new StoredDecision(true, true, new DateOnly(2026, 2, 10)) };
        await using var host = await StartAsync(calls, store);
        var id = CycleIds.ApprovalInstance("a", 2025);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(SteeringApprovalOrchestrator), new SteeringApprovalInput("a", 2025, TimeSpan.FromHours(1), TimeSpan.FromDays(30)), new StartOrchestrationOptions(id));

        var result = await CompleteAsync(host, id);
        Assert.Equal(SteeringApprovalOutcome.Approved, result.Outcome);
        Assert.Equal(1, calls.Count("publish:"));
    }

    [Fact]
    public async Task Without_a_decision_the_coordinator_is_reminded_and_the_wait_ends_unpublished()
    {
        var calls = new RecordedCalls();
        await using var host = await StartAsync(calls, new Store());
        var id = CycleIds.ApprovalInstance("a", 2025);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(SteeringApprovalOrchestrator), new SteeringApprovalInput("a", 2025, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2.5)), new StartOrchestrationOptions(id));

        var result = await CompleteAsync(host, id);
        Assert.Equal(SteeringApprovalOutcome.NoDecision, result.Outcome);
        Assert.Equal(0, calls.Count("publish:"));
        Assert.Equal(0, calls.Count("archive:"));
        Assert.InRange(result.RemindersSent, 1, 2);
        var reminders = calls.All.Where(c => c.StartsWith("remind:", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(1, result.RemindersSent).Select(n => $"remind:{n}"), reminders);
    }

    [Fact]
    public async Task A_returned_report_keeps_waiting_and_a_later_approval_publishes()
    {
        var calls = new RecordedCalls();
        var store = new Store { Decision = new StoredDecision(true, false, new DateOnly(2026, 2, 10)) };
        await using var host = await StartAsync(calls, store);
        var id = CycleIds.ApprovalInstance("a", 2025);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(SteeringApprovalOrchestrator), new SteeringApprovalInput("a", 2025, TimeSpan.FromHours(1), TimeSpan.FromDays(30)), new StartOrchestrationOptions(id));
        while (calls.Count("read") < 1)
        {
            await Task.Delay(50);
        }

        Assert.Equal(0, calls.Count("publish:"));
        store.Decision = new StoredDecision(true, true, new DateOnly(2026, 3, 10));
        await host.Client.RaiseEventAsync(id, ApprovalEvents.SteeringDecisionRecorded, new SteeringDecisionRecordedEvent(true));

        var result = await CompleteAsync(host, id);
        Assert.Equal(SteeringApprovalOutcome.Approved, result.Outcome);
        Assert.Equal(new DateOnly(2026, 3, 10), result.DecidedOn);
        Assert.Equal(1, calls.Count("publish:"));
    }

    static async Task<SteeringApprovalResult> CompleteAsync(DurableTaskTestHost host, string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var state = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        return state.ReadOutputAs<SteeringApprovalResult>()!;
    }

    static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
