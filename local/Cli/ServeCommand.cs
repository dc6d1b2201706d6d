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
        using var signals = new StopSignals();

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
            settings, crashAt is null ? null : services => services.AddSingleton<ISubmitCheckpoints>(crashAt), signals.Token);

        // Data stored by an older version is converted before anything runs on it, and the conversion is reported.
        var migrated = await engine.Services.GetRequiredService<Workflows.Migration.StorageMigrator>().MigrateAsync(engine.Client, signals.Token);
        if (migrated.ChangedAnything)
        {
            await output.WriteLineAsync(
                $"Migrated stored data: {migrated.RostersTaken} roster(s), {migrated.FinalAnswersStored} closed cycle(s), {migrated.CyclesRestarted} open cycle(s) restarted, {migrated.AggregatesCleaned} aggregate(s), {migrated.RowsRekeyed} token/mail row(s) re-keyed, {migrated.CyclesGivenHeads} cycle(s) given revision heads.");
        }

        await output.WriteLineAsync($"Trygghetsuppföljning serving on {engine.BaseUrl} (form: {engine.BaseUrl}/forms/…, coordinator API: {engine.BaseUrl}/api/…). Ctrl+C stops.");
        await output.WriteLineAsync($"Coordinator's desk, one-time sign-in link: {engine.SignInLink(Environment.UserName)}");
        await output.FlushAsync();
        await signals.WaitAsync();
        await output.WriteLineAsync("Stopping… (Ctrl+C again stops at once)");
        await output.FlushAsync();
        return 0;
    }

    /// <summary>Waits for Ctrl+C or SIGTERM, taking the signal over so the caller can stop its host in order (a second one ends the process).</summary>
    public static async Task WaitForStopAsync()
    {
        using var signals = new StopSignals();
        await signals.WaitAsync();
    }
}
