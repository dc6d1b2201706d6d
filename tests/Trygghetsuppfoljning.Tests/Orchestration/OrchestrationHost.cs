using Microsoft.DurableTask;
using Microsoft.DurableTask.Testing;
using Trygghetsuppfoljning.Workflows.Orchestration;

namespace Trygghetsuppfoljning.Tests.Orchestration;

/// <summary>
/// The real orchestrators on the in-memory durable host. Activities with side effects are stand-ins that record
/// their calls; the ones that start instances and raise events are the real classes (they only need the client).
/// </summary>
internal static class OrchestrationHost
{
    static readonly string[] Owners = ["o1", "o2", "o3"];

    public static Task<DurableTaskTestHost> StartAsync(RecordedCalls calls, ISet<string> submitted) =>
        DurableTaskTestHost.StartAsync(r =>
        {
            r.AddOrchestrator<AnnualCycleOrchestrator>();
            r.AddOrchestrator<OwnerInputOrchestrator>();
            r.AddActivity<StartOwnerInputActivity>();
            r.AddActivity<NotifyCycleActivity>();
            r.AddActivityFunc<PrepareCycleInput, PrepareCycleResult>(nameof(PrepareCycleActivity), (_, i) =>
            {
                calls.Add("prepare");
                return new PrepareCycleResult(Owners);
            });
            r.AddActivityFunc<SignalOwnersInput, int>(nameof(SignalOwnersActivity), (_, i) =>
            {
                calls.Add($"signal:{i.EventName}");
                return i.OwnerIds.Count;
            });
            r.AddActivityFunc<OwnerTaskInput, bool>(nameof(SendInvitationActivity), (_, i) =>
            {
                calls.Add($"invite:{i.OwnerId}");
                return true;
            });
            r.AddActivityFunc<SendReminderInput, bool>(nameof(SendReminderActivity), (_, i) =>
            {
                calls.Add($"remind:{i.OwnerId}:{i.ReminderNumber}");
                return !submitted.Contains(i.OwnerId);
            });
            r.AddActivityFunc<SendReceiptInput, bool>(nameof(SendReceiptActivity), (_, i) =>
            {
                calls.Add($"receipt:{i.OwnerId}:{i.Revision}");
                return true;
            });
            r.AddActivityFunc<OwnerTaskInput, OwnerInputResult>(nameof(RecordOwnerOutcomeActivity), (_, i) =>
            {
                calls.Add($"outcome:{i.OwnerId}");
                return new OwnerInputResult(i.OwnerId, submitted.Contains(i.OwnerId), 0);
            });
            r.AddActivityFunc<CycleTaskInput, int>(nameof(NotifyCoordinatorActivity), (_, _) =>
            {
                calls.Add("notify-coordinator");
                return 1;
            });
            r.AddActivityFunc<CloseCycleInput, bool>(nameof(CloseCycleActivity), (_, _) =>
            {
                calls.Add("close");
                return true;
            });
            r.AddActivityFunc<CycleTaskInput, AggregateCycleResult>(nameof(AggregateCycleActivity), (_, _) =>
            {
                calls.Add("aggregate");
                return new AggregateCycleResult(3, submitted.Count, Owners.Where(o => !submitted.Contains(o)).ToList());
            });
            r.AddActivityFunc<CycleTaskInput, string>(nameof(GenerateReportActivity), (_, _) =>
            {
                calls.Add("report");
                return "a/2025/report.docx";
            });
            r.AddActivityFunc<DeliverReportInput, bool>(nameof(DeliverReportActivity), (_, i) =>
            {
                calls.Add($"deliver:{i.ReportBlobName}");
                return true;
            });
            },
            // The host's default is a random port in 30000–40000, inside Linux's ephemeral range: it collided with a
            // port in use during a CI run. A port the OS just handed out free is far less likely to.
            new DurableTaskTestHostOptions { Port = FreeLoopbackPort() });

    static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
