using System.Runtime.InteropServices;
using Trygghetsuppfoljning.Local.Engine;
using Trygghetsuppfoljning.Local.Testing;
using Trygghetsuppfoljning.Workflows.Forms;

namespace Trygghetsuppfoljning.Local.Cli;

/// <summary>
/// `serve`: runs the local engine (durable worker, form, coordinator API) until Ctrl+C or SIGTERM. Settings come from
/// appsettings.json and the environment (<c>Storage__ConnectionString</c>, <c>Local__HttpPort</c>, <c>Coordinator__ApiKey</c>…).
/// </summary>
public static class ServeCommand
{
    public static async Task<int> RunAsync(TextWriter output)
    {
        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            // Take over the first signal so the process stops in order (worker first, then the sidecar) instead of
            // dying. A second one ends the process at once: an orderly stop waits up to two minutes when storage went
            // away first (the backend retries its calls), and the web hosts inside take every signal over too.
            if (stop.IsCancellationRequested)
            {
                StopAtOnce();
            }

            context.Cancel = true;
            stop.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        var settings = new Dictionary<string, string?>();
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("Templates__Root")))
        {
            settings["Templates:Root"] = RepositoryPaths.Templates;
        }

        // Crash tests arm a checkpoint inside the form POST through the environment; never set otherwise.
        var crashAt = CrashAtCheckpoint.FromEnvironment();
        if (crashAt is not null)
        {
            await output.WriteLineAsync($"{CrashAtCheckpoint.Variable} is set: this host kills itself at {crashAt.Armed} of the next form submission.");
        }

        await using var engine = await LocalEngine.StartAsync(
            settings, crashAt is null ? null : services => services.AddSingleton<ISubmitCheckpoints>(crashAt), stop.Token);

        // Data stored by an older version is converted before anything runs on it, and the conversion is reported.
        var migrated = await engine.Services.GetRequiredService<Workflows.Migration.StorageMigrator>().MigrateAsync(engine.Client, stop.Token);
        if (migrated.ChangedAnything)
        {
            await output.WriteLineAsync(
                $"Migrated stored data: {migrated.RostersTaken} roster(s), {migrated.FinalAnswersStored} closed cycle(s), {migrated.CyclesRestarted} open cycle(s) restarted, {migrated.AggregatesCleaned} aggregate(s), {migrated.RowsRekeyed} token/mail row(s) re-keyed, {migrated.CyclesGivenHeads} cycle(s) given revision heads.");
        }

        await output.WriteLineAsync($"Trygghetsuppföljning serving on {engine.BaseUrl} (form: {engine.BaseUrl}/forms/…, coordinator API: {engine.BaseUrl}/api/…). Ctrl+C stops.");
        await output.WriteLineAsync($"Coordinator's desk, one-time sign-in link: {engine.SignInLink(Environment.UserName)}");
        await output.FlushAsync();
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }

        await output.WriteLineAsync("Stopping… (Ctrl+C again stops at once)");
        await output.FlushAsync();
        return 0;
    }

    /// <summary>Waits for Ctrl+C or SIGTERM, taking the signal over so the caller can stop its host in order.</summary>
    public static async Task WaitForStopAsync()
    {
        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            if (stop.IsCancellationRequested)
            {
                StopAtOnce(); // the second signal, as in RunAsync
            }

            context.Cancel = true;
            stop.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Kills this process, as the crash tests kill hosts: what was stored stays, and the next start takes up what was in flight.</summary>
    static void StopAtOnce() => System.Diagnostics.Process.GetCurrentProcess().Kill();
}
