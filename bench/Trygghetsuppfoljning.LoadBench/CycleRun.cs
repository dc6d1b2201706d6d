using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Threading.Channels;
using Microsoft.DurableTask.Client;
using Trygghetsuppfoljning.Workflows.Coordination;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Orchestration;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.LoadBench;

/// <summary>
/// P1: one whole cycle at N owners on a fresh Azurite and host. Import the agreement, start the cycle (deadline an
/// hour away), let every owner answer through the real form from the link in their invitation mail (bounded
/// concurrency, as soon as each mail arrives), close the cycle once all have answered, wait for the report.
/// </summary>
public sealed class CycleRun(int owners, int answerConcurrency, TimeSpan cap, TextWriter log)
{
    const int Year = 2025;
    const string Actor = "bench";

    public async Task<CycleRunResult> RunAsync()
    {
        await using var host = await BenchHost.StartAzuriteAsync($"p1n{owners}x");
        var self = Environment.ProcessId;
        ProcessMemory.TryResetPeak(self);
        var gcPauseBefore = GC.GetTotalPauseDuration();
        var cpuBefore = MachineLoad.CpuSeconds(self);
        var azuriteCpuBefore = MachineLoad.CpuSeconds(host.Azurite.ProcessId);
        var loads = new List<double> { MachineLoad.LoadAverage() };
        var engine = await host.StartEngineAsync(new Dictionary<string, string?>
        {
            // A receipt right after each submission, so its work falls inside the measured cycle.
            ["Schedule:ReceiptDebounce"] = "00:00:00",
            ["Schedule:ReceiptSweepInterval"] = "00:00:00.500",
        });

        var agreement = LoadAgreement.Create($"last{owners}", owners);
        var cycleId = CycleIds.For(agreement.Id, Year);
        var instanceId = CycleIds.CycleInstance(agreement.Id, Year);
        var coordinator = engine.Services.GetRequiredService<CoordinatorService>();
        var note = await ImportAsync(engine.Services, coordinator, agreement);
        var fields = OwnerAnswers.ForAll(agreement);
        var mailbox = new InvitationMailbox(host.MailFolder, agreement.Owners.ToDictionary(o => o.Email, o => o.Id, StringComparer.OrdinalIgnoreCase));

        using var timeout = new CancellationTokenSource(cap);
        var clock = Stopwatch.StartNew();
        double? allInvited = null, firstAnswer = null, allAnswered = null, closeToReport = null, total = null;
        var answered = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var failedPosts = 0;
        var answeredInReport = 0;
        double? hostOpenPeak = null;
        var rssAtQuarters = new List<double>();
        try
        {
            var started = await coordinator.StartAsync(engine.Client, agreement.Id, Year, DateTimeOffset.UtcNow.AddHours(1), Actor, timeout.Token);
            if (started.StatusCode != 202)
            {
                throw new InvalidOperationException($"Start answered {started.StatusCode}: {started.Message}");
            }

            // Owners answer as their mails arrive; a POST without a confirmation (200) is retried a little later.
            var inbox = Channel.CreateUnbounded<(string OwnerId, string Link)>();
            using var agent = new FormAgent();
            var answering = Task.WhenAll(Enumerable.Range(0, answerConcurrency).Select(worker => Task.Run(async () =>
            {
                await foreach (var (ownerId, link) in inbox.Reader.ReadAllAsync(timeout.Token))
                {
                    int status;
                    try
                    {
                        status = await agent.AnswerAsync(link, fields[ownerId], timeout.Token);
                    }
                    catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !timeout.IsCancellationRequested))
                    {
                        status = 0;
                    }

                    if (status == 200)
                    {
                        answered[ownerId] = true;
                        lock (inbox)
                        {
                            firstAnswer ??= clock.Elapsed.TotalSeconds;
                        }

                        if (answered.Count == owners)
                        {
                            allAnswered = clock.Elapsed.TotalSeconds;
                            inbox.Writer.TryComplete();
                        }
                    }
                    else
                    {
                        Interlocked.Increment(ref failedPosts);
                        _ = RetryLaterAsync(inbox.Writer, (ownerId, link));
                    }
                }
            })));

            var progress = engine.Services.GetRequiredService<OwnerProgressRepository>();
            var invitations = 0;
            var lastReport = TimeSpan.Zero;
            var lastProgressRead = TimeSpan.Zero;
            while (!answering.IsCompleted)
            {
                foreach (var invitation in mailbox.TakeNewInvitations())
                {
                    invitations++;
                    inbox.Writer.TryWrite(invitation);
                }

                // All mails are out: the progress rows (the truth) say when every owner counts as invited. Read once a
                // second at most: listing N rows is itself load on the emulator the cycle runs on.
                if (allInvited is null && invitations >= owners && clock.Elapsed - lastProgressRead >= TimeSpan.FromSeconds(1))
                {
                    lastProgressRead = clock.Elapsed;
                    if ((await progress.ListAsync(cycleId, timeout.Token)).Count(p => p.InvitedUtc is not null) == owners)
                    {
                        allInvited = clock.Elapsed.TotalSeconds;
                    }
                }

                // The host's memory as the answers come in: flat means it does not grow with the owners served.
                while (rssAtQuarters.Count < 4 && answered.Count >= owners * (rssAtQuarters.Count + 1) / 4)
                {
                    rssAtQuarters.Add(ProcessMemory.CurrentMb(self) ?? double.NaN);
                }

                if (clock.Elapsed - lastReport >= TimeSpan.FromSeconds(15))
                {
                    lastReport = clock.Elapsed;
                    loads.Add(MachineLoad.LoadAverage());
                    log.WriteLine($"  N={owners,6}: {clock.Elapsed.TotalSeconds,5:0} s  {invitations} invitation mails, {answered.Count} answered, {failedPosts} failed posts");
                }

                await Task.WhenAny(answering, Task.Delay(200, timeout.Token));
            }

            await answering;
            while (allInvited is null)
            {
                // Answers can all be in before the last progress row's invitation time is (the mail goes first).
                if ((await progress.ListAsync(cycleId, timeout.Token)).Count(p => p.InvitedUtc is not null) == owners)
                {
                    allInvited = clock.Elapsed.TotalSeconds;
                }
                else
                {
                    await Task.Delay(1000, timeout.Token);
                }
            }

            while (rssAtQuarters.Count < 4)
            {
                rssAtQuarters.Add(ProcessMemory.CurrentMb(self) ?? double.NaN);
            }

            hostOpenPeak = ProcessMemory.PeakMb(self);
            var closing = clock.Elapsed.TotalSeconds;
            loads.Add(MachineLoad.LoadAverage());
            var closed = await coordinator.CloseAsync(engine.Client, agreement.Id, Year, Actor, timeout.Token);
            if (closed.StatusCode is not (200 or 202))
            {
                throw new InvalidOperationException($"Close answered {closed.StatusCode}: {closed.Message}");
            }

            var finished = await WaitForCompletionAsync(engine.Client, instanceId, timeout.Token);
            if (finished.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
            {
                throw new InvalidOperationException($"The cycle ended {finished.RuntimeStatus}: {finished.FailureDetails?.ErrorMessage}");
            }

            var result = finished.ReadOutputAs<AnnualCycleResult>()!;
            answeredInReport = result.OwnersAnswered;
            total = clock.Elapsed.TotalSeconds;
            closeToReport = total - closing;
            if (answeredInReport != owners)
            {
                note += $"; the report counts {answeredInReport} of {owners} owners as answered";
            }
        }
        catch (Exception) when (timeout.IsCancellationRequested)
        {
            // OperationCanceledException, or the durable client's RpcException(Cancelled): the cap, not a failure of the host.
            note += $"; stopped at the cap of {cap.TotalSeconds:0} s with {answered.Count} of {owners} answered";
        }
        catch (InvalidOperationException e)
        {
            note += "; " + e.Message;
        }

        // Counted once the run is over, outside its times.
        loads.Add(MachineLoad.LoadAverage());
        var hostCpu = MachineLoad.CpuSeconds(self) - cpuBefore;
        var azuriteCpu = MachineLoad.CpuSeconds(host.Azurite.ProcessId) - azuriteCpuBefore;
        var history = new DurableHistory(host.Azurite.ConnectionString, host.Prefix);
        int? cycleEvents = null;
        try
        {
            using var countTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            cycleEvents = await history.EventsOfAsync(instanceId, countTimeout.Token);
        }
        catch (OperationCanceledException)
        {
        }

        var allEvents = await history.AllEventsAsync(TimeSpan.FromSeconds(180));
        var ownerInstances = await OwnerInstances.ReadAsync(host.Azurite.ConnectionString, host.Prefix, instanceId, TimeSpan.FromSeconds(60));
        var aggregateBytes = await AggregateEntitySize.BytesAsync(host.Azurite.ConnectionString, host.Prefix, agreement.Id, Year);
        var hostPeak = ProcessMemory.PeakMb(self) ?? double.NaN;
        var azuritePeak = ProcessMemory.PeakMb(host.Azurite.ProcessId) ?? double.NaN;
        var wall = clock.Elapsed.TotalSeconds;
        var gcPause = (GC.GetTotalPauseDuration() - gcPauseBefore).TotalSeconds / Math.Max(wall, 0.001) * 100;
        return new CycleRunResult(
            owners, total is not null && answeredInReport == owners, note.TrimStart(';', ' '), allInvited, firstAnswer, allAnswered, closeToReport, total,
            answeredInReport, failedPosts, cycleEvents, allEvents, hostPeak, hostOpenPeak, rssAtQuarters, azuritePeak, hostCpu, azuriteCpu, gcPause, loads.Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average(), aggregateBytes, ownerInstances);
    }

    /// <summary>Through the coordinator's import (the JSON file a coordinator uploads); past its size limit, straight into the repository.</summary>
    static async Task<string> ImportAsync(IServiceProvider services, CoordinatorService coordinator, Agreement agreement)
    {
        var bytes = Encoding.UTF8.GetBytes(DomainJson.Serialize(agreement));
        if (bytes.Length <= CoordinatorService.MaxImportBytes)
        {
            var imported = await coordinator.ImportAgreementAsync(bytes, Actor);
            return imported.StatusCode == 200 ? string.Empty : throw new InvalidOperationException($"Import answered {imported.StatusCode}: {imported.Message}");
        }

        await services.GetRequiredService<AgreementRepository>().SaveAsync(agreement);
        return $"agreement JSON is {bytes.Length / 1024 / 1024} MB, over the import limit: saved through the repository";
    }

    static async Task RetryLaterAsync(ChannelWriter<(string, string)> inbox, (string, string) owner)
    {
        await Task.Delay(500);
        inbox.TryWrite(owner);
    }

    static async Task<OrchestrationMetadata> WaitForCompletionAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
            if (instance is { RuntimeStatus: OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated })
            {
                return instance;
            }

            await Task.Delay(200, cancellationToken);
        }
    }
}
