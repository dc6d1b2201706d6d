using System.Runtime.InteropServices;

namespace Trygghetsuppfoljning.Local.Cli;

/// <summary>
/// Ctrl+C and SIGTERM for a host that stops in order. The first signal is taken over, so the process does not die, and
/// cancels <see cref="Token"/>: the caller stops its host (worker first, then the sidecar). A second signal ends the
/// process at once: an orderly stop waits up to two minutes when storage went away first (the backend retries its
/// calls), and the web hosts inside take every signal over too.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    readonly CancellationTokenSource stop = new();
    readonly PosixSignalRegistration sigint;
    readonly PosixSignalRegistration sigterm;

    public StopSignals()
    {
        sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    public CancellationToken Token => stop.Token;

    /// <summary>Returns at the first signal.</summary>
    public async Task WaitAsync()
    {
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose()
    {
        sigint.Dispose();
        sigterm.Dispose();
        stop.Dispose();
    }

    void OnSignal(PosixSignalContext context)
    {
        if (stop.IsCancellationRequested)
        {
            // Killed as the crash tests kill hosts: what was stored stays, and the next start takes up what was in flight.
            System.Diagnostics.Process.GetCurrentProcess().Kill();
        }

        context.Cancel = true;
        stop.Cancel();
    }
}
