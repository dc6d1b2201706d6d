using System.Diagnostics;
using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.Local.Engine;

namespace Trygghetsuppfoljning.IntegrationTests.Resilience;

/// <summary>`serve` as its own process, on its own Azurite (which this test stops), stopped by signals as in a terminal.</summary>
[Trait("Category", "Resilience")]
public sealed class ServeStopTests
{
    [Fact]
    public async Task Serve_whose_storage_went_away_stops_at_once_on_a_second_signal()
    {
        await using var smtp = new SmtpCapture();
        await using var azurite = await AzuriteProcess.StartAsync();
        var port = FreePort.Find();
        var environment = KilledHostSettings.For(azurite.ConnectionString, TestEngine.NewPrefix(), port, smtp, "stop-test-key");
        await using var host = await LocalHostProcess.StartAsync(environment, $"http://127.0.0.1:{port}", TimeSpan.FromSeconds(60));

        // Storage goes first: the orderly stop then waits on the durable backend's retries (up to about two minutes).
        azurite.Kill();
        await TerminateAsync(host.Id);
        var stoppedByOne = await host.WaitForExitAsync(TimeSpan.FromSeconds(3));

        // A second Ctrl+C or SIGTERM is the person at the terminal saying "now".
        if (!stoppedByOne)
        {
            await TerminateAsync(host.Id);
        }

        Assert.True(stoppedByOne || await host.WaitForExitAsync(TimeSpan.FromSeconds(10)), $"serve still ran 10 s after the second signal:{Environment.NewLine}{host.Tail}");
        Assert.Contains("Stopping…", host.Tail, StringComparison.Ordinal);
    }

    /// <summary>SIGTERM, as a terminal or a service manager sends it (bash's own kill: nothing else needs installing).</summary>
    static async Task TerminateAsync(int pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("bash", ["-c", $"kill -TERM {pid}"])) ?? throw new InvalidOperationException("bash did not start.");
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }
}
