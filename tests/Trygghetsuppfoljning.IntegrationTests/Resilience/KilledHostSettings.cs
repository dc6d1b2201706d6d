using System.Globalization;
using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.Local;

namespace Trygghetsuppfoljning.IntegrationTests.Resilience;

/// <summary>The environment of a <see cref="LocalHostProcess"/> that a test kills and restarts: its own tables and task hub, quick takeover.</summary>
public static class KilledHostSettings
{
    public static Dictionary<string, string> For(string storageConnectionString, string prefix, int port, SmtpCapture smtp, string apiKey) => new()
    {
        ["Storage__ConnectionString"] = storageConnectionString,
        ["Storage__TablePrefix"] = prefix,
        ["Storage__ReportContainer"] = $"reports-{prefix}",
        ["Local__TaskHubName"] = prefix,
        ["Local__HttpPort"] = port.ToString(CultureInfo.InvariantCulture),
        // Short leases and message visibility: a restarted host takes over ~10–15 s after the kill instead of 30 s–5 min.
        ["Local__LeaseInterval"] = "00:00:10",
        ["Local__QueueVisibilityTimeout"] = "00:00:15",
        ["Mail__SmtpHost"] = "127.0.0.1",
        ["Mail__SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Templates__Root"] = RepositoryPaths.Templates,
        ["Coordinator__ApiKey"] = apiKey,
        ["Schedule__RemindersBeforeDeadline__0"] = "00:00:00",
        ["Schedule__GracePeriod"] = "00:00:00",
        ["Schedule__ReceiptDebounce"] = "00:00:00",
        ["Schedule__ReceiptSweepInterval"] = "00:00:00.200",
        // A receipt the killed host had claimed goes to the restarted one after this (2 min by default, longer than the tests wait).
        ["Schedule__ReceiptClaimTime"] = "00:00:10",
        ["Logging__LogLevel__Default"] = "Warning",
    };
}
