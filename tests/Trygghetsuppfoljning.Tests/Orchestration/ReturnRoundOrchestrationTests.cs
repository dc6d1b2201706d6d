using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Orchestration;

namespace Trygghetsuppfoljning.Tests.Orchestration;

/// <summary>
/// The return round inside the real <see cref="SteeringApprovalOrchestrator"/> on the in-memory host: after a return
/// the coordinator reopens owners (stored, then an event); the round closes at its deadline or on request, the
/// answers are taken in with the cycle's own activities and the report is delivered again as revised; then the
/// steering group's new decision is awaited. Stand-in activities keep the "stored" state as Tables would.
/// </summary>
public sealed class ReturnRoundOrchestrationTests
{
    // Not nameof: the DurableTask analyzer indexes constant task names across the project and throws on a second
    // registration of one name (SteeringApprovalOrchestratorTests registers the same stand-ins).
    static string Name<TActivity>() => typeof(TActivity).Name;

    static readonly DateOnly ReturnedOn = new(2026, 2, 10);

    sealed class Store
    {
        readonly object gate = new();
        StoredDecision decision = new(true, false, ReturnedOn);

        public StoredDecision Decision
        {
            get { lock (gate) { return decision; } }
            set { lock (gate) { decision = value; } }
        }

        public IReadOnlyList<string> RoundOwners { get; set; } = ["o2"];
    }

    static Task<DurableTaskTestHost> StartAsync(RecordedCalls calls, Store store) =>
        DurableTaskTestHost.StartAsync(
            r =>
            {
                r.AddOrchestrator<SteeringApprovalOrchestrator>();
                r.AddActivityFunc<ApprovalTaskInput, StoredDecision>(Name<ReadSteeringDecisionActivity>(), (_, _) =>
                {
                    calls.Add("read");
                    return store.Decision;
                });
                r.AddActivityFunc<SendApprovalReminderInput, bool>(Name<SendApprovalReminderActivity>(), (_, i) =>
                {
                    calls.Add($"remind:{i.ReminderNumber}");
                    return true;
                });
                r.AddActivityFunc<ApprovalTaskInput, string>(Name<ArchiveApprovedReportActivity>(), (_, _) =>
                {
                    calls.Add("archive");
                    return "a/2025/report.docx";
                });
                r.AddActivityFunc<ApprovalTaskInput, bool>(Name<PublishCitizenSummaryActivity>(), (_, _) =>
                {
                    calls.Add("publish");
                    return true;
                });
                r.AddActivityFunc<ReturnRoundTaskInput, int>(Name<OpenReturnRoundActivity>(), (_, i) =>
                {
                    calls.Add($"open-round:{i.Number}");
                    return store.RoundOwners.Count;
                });
                r.AddActivityFunc<ReturnRoundTaskInput, CloseReturnRoundResult>(Name<CloseReturnRoundActivity>(), (_, i) =>
                {
                    calls.Add($"close-round:{i.Number}");
                    var open = store.Decision.OpenRound == i.Number;
                    store.Decision = store.Decision with { OpenRound = 0, RoundDeadlineUtc = null };
                    return open ? new CloseReturnRoundResult(true, store.RoundOwners, ReturnedOn) : new CloseReturnRoundResult(false, [], default);
                });
                r.AddActivityFunc<SendReceiptInput, int>(Name<SendReceiptActivity>(), (_, i) =>
                {
                    calls.Add($"receipt:{i.OwnerId}");
                    return 1;
                });
                r.AddActivityFunc<CycleTaskInput, int>(Name<RecordFinalAnswersActivity>(), (_, _) =>
                {
                    calls.Add("final-answers");
                    return 3;
                });
                r.AddActivityFunc<CycleTaskInput, AggregateCycleResult>(Name<AggregateCycleActivity>(), (_, _) =>
                {
                    calls.Add("aggregate");
                    return new AggregateCycleResult(3, 3);
                });
                r.AddActivityFunc<CycleTaskInput, string>(Name<GenerateReportActivity>(), (_, _) =>
                {
                    calls.Add("report");
                    return "a/2025/report.docx";
                });
                r.AddActivityFunc<DeliverReportInput, bool>(Name<DeliverReportActivity>(), (_, i) =>
                {
                    calls.Add($"deliver:{i.ReportBlobName}:{i.RevisedAfterReturnOn:yyyy-MM-dd}:{i.ReturnRound}");
                    return true;
                });
            },
            new DurableTaskTestHostOptions { Port = FreeLoopbackPort() });

    static async Task<string> StartApprovalAsync(DurableTaskTestHost host, RecordedCalls calls)
    {
        var id = CycleIds.ApprovalInstance("a", 2025);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(SteeringApprovalOrchestrator), new SteeringApprovalInput("a", 2025, TimeSpan.FromHours(1), TimeSpan.FromDays(30)), new StartOrchestrationOptions(id));
        await calls.WaitForAsync("read");
        return id;
    }

    [Fact]
    public async Task Round_at_its_deadline_takes_the_answers_in_delivers_a_revised_report_and_a_new_approval_publishes()
    {
        var calls = new RecordedCalls();
        var store = new Store();
        await using var host = await StartAsync(calls, store);
        var id = await StartApprovalAsync(host, calls);

        // As CoordinatorService does: the round is stored first, then the instance is woken.
        store.Decision = store.Decision with { OpenRound = 1, RoundDeadlineUtc = DateTimeOffset.UtcNow.AddSeconds(2) };
        await host.Client.RaiseEventAsync(id, DurableEvents.NameOf<ReturnRoundOpenedEvent>(), new ReturnRoundOpenedEvent(1));
        await calls.WaitForAsync("deliver:");

        var round = calls.All.SkipWhile(c => !c.StartsWith("open-round", StringComparison.Ordinal)).Where(c => c != "read").ToList();
        Assert.Equal(["open-round:1", "close-round:1", "receipt:o2", "final-answers", "aggregate", "report", "deliver:a/2025/report.docx:2026-02-10:1"], round);
        Assert.Equal(0, calls.Count("publish"));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);

        // The revised report waits for the steering group's new decision.
        store.Decision = store.Decision with { Approved = true, DecidedOn = new DateOnly(2026, 3, 10) };
        await host.Client.RaiseEventAsync(id, ApprovalEvents.SteeringDecisionRecorded, new SteeringDecisionRecordedEvent(true));
        var result = await CompleteAsync(host, id);
        Assert.Equal(SteeringApprovalOutcome.Approved, result.Outcome);
        Assert.Equal((1, 1), (calls.Count("publish"), calls.Count("archive")));
        Assert.Equal(1, calls.Count("deliver:"));
    }

    [Fact]
    public async Task Closing_the_round_early_ends_it_long_before_its_deadline()
    {
        var calls = new RecordedCalls();
        var store = new Store { RoundOwners = ["o1", "o3"] };
        await using var host = await StartAsync(calls, store);
        var id = await StartApprovalAsync(host, calls);
        store.Decision = store.Decision with { OpenRound = 1, RoundDeadlineUtc = DateTimeOffset.UtcNow.AddDays(7) };
        await host.Client.RaiseEventAsync(id, DurableEvents.NameOf<ReturnRoundOpenedEvent>(), new ReturnRoundOpenedEvent(1));
        await calls.WaitForAsync("open-round:1");
        Assert.Equal(0, calls.Count("close-round"));

        // A close request of another (earlier) round is not this round's: it stays open.
        await host.Client.RaiseEventAsync(id, DurableEvents.NameOf<ReturnRoundCloseRequestedEvent>(), new ReturnRoundCloseRequestedEvent(7));
        await host.Client.RaiseEventAsync(id, DurableEvents.NameOf<ReturnRoundCloseRequestedEvent>(), new ReturnRoundCloseRequestedEvent(1));
        await calls.WaitForAsync("deliver:");
        Assert.Equal(1, calls.Count("close-round:1"));
        Assert.Equal(["receipt:o1", "receipt:o3"], calls.All.Where(c => c.StartsWith("receipt:", StringComparison.Ordinal)));
        Assert.Equal(0, calls.Count("publish"));
    }

    [Fact]
    public async Task Round_stored_before_the_instance_started_runs_without_any_event()
    {
        // The approval instance had ended (its wait ran out); the coordinator's reopen starts it again, and it finds the round.
        var calls = new RecordedCalls();
        var store = new Store();
        store.Decision = store.Decision with { OpenRound = 2, RoundDeadlineUtc = DateTimeOffset.UtcNow.AddSeconds(-1) };
        await using var host = await StartAsync(calls, store);
        await StartApprovalAsync(host, calls);
        await calls.WaitForAsync("deliver:");
        Assert.Equal(1, calls.Count("deliver:a/2025/report.docx:2026-02-10:2"));
        Assert.Equal(0, calls.Count("publish"));
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
