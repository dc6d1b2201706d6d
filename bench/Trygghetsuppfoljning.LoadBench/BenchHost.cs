using Trygghetsuppfoljning.Local;
using Trygghetsuppfoljning.Local.Engine;

namespace Trygghetsuppfoljning.LoadBench;

/// <summary>
/// One measured run's world: its own Azurite (in memory, loopback, free ports) and, once asked, the real local host
/// in this process (<see cref="LocalEngine"/>: the same orchestrators and activities, the Azure Storage backend on
/// that Azurite, Kestrel form endpoints) with a fresh task hub and table prefix and mail to a pickup folder.
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    BenchHost(AzuriteProcess azurite, string prefix, string mailFolder)
    {
        Azurite = azurite;
        Prefix = prefix;
        MailFolder = mailFolder;
    }

    public AzuriteProcess Azurite { get; }

    /// <summary>Task hub name and table prefix (letters and digits: valid for both).</summary>
    public string Prefix { get; }

    public string MailFolder { get; }

    public LocalEngine? Engine { get; private set; }

    public static async Task<BenchHost> StartAzuriteAsync(string label)
    {
        var prefix = label + Guid.NewGuid().ToString("N")[..8];
        var mail = Path.Combine(Path.GetTempPath(), "trygghet-bench", prefix, "mail");
        Directory.CreateDirectory(mail);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new BenchHost(await AzuriteProcess.StartAsync(startTimeout: TimeSpan.FromSeconds(120)), prefix, mail);
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Node did not listen within 2 min (a loaded machine) or exited: try again on fresh ports.
            }
        }
    }

    /// <param name="extra">Settings on top of the bench's (e.g. the schedule of a phase).</param>
    public async Task<LocalEngine> StartEngineAsync(IDictionary<string, string?> extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = Azurite.ConnectionString,
            ["Storage:TablePrefix"] = Prefix,
            ["Storage:ReportContainer"] = $"reports-{Prefix}",
            ["Local:TaskHubName"] = Prefix,
            ["Local:HttpPort"] = "0",
            ["Mail:SmtpHost"] = null,
            ["Mail:PickupDirectory"] = MailFolder,
            ["Templates:Root"] = RepositoryPaths.Templates,
            ["Coordinator:ApiKey"] = "bench-coordinator-key",

            // Every simulated owner posts from 127.0.0.1 and P3 posts to each link many times a second: the form's
            // per-address and per-token limits (300 and 30 per 10 min by default) are raised for the bench, not removed.
            ["Forms:PostsPerAddressPerWindow"] = "1000000",
            ["Forms:PostsPerTokenPerWindow"] = "10000",
            ["Forms:RateLimitWindow"] = "00:00:01",

            // No reminders (the deadline is an hour away and the cycle is closed early) and no grace period.
            ["Schedule:RemindersBeforeDeadline:0"] = "00:00:00",
            ["Schedule:GracePeriod"] = "00:00:00",

            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Trygghetsuppfoljning"] = "Warning",
            ["Logging:LogLevel:Microsoft"] = "Warning",
            ["Logging:LogLevel:DurableTask"] = "Error",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        Engine = await LocalEngine.StartAsync(settings);
        return Engine;
    }

    /// <summary>
    /// Kills Azurite and deletes the mail folder, but does not stop the engine: each phase runs in its own process, which
    /// exits right after. Stopping the local engine after a loaded run took minutes and once crashed the process
    /// ("Timed-out waiting for the partition manager to shut down", thrown from the sidecar's stopping callback).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await Azurite.DisposeAsync();
        try
        {
            Directory.Delete(Path.GetDirectoryName(MailFolder)!, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
