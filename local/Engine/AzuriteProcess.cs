using System.Diagnostics;

namespace Trygghetsuppfoljning.Local.Engine;

/// <summary>
/// Azurite from the repository's node_modules on loopback ports. In-memory unless a data folder is given
/// (then state survives an Azurite restart, after its ~5 s flush: design.md §4).
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    readonly Process process;

    AzuriteProcess(Process process, int blobPort, int queuePort, int tablePort)
    {
        this.process = process;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    /// <summary>The node process serving Azurite (the bench reads its peak memory).</summary>
    public int ProcessId => process.Id;

    public string ConnectionString => ConnectionStringFor(BlobPort, QueuePort, TablePort);

    public static string ConnectionStringFor(int blobPort, int queuePort, int tablePort) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";

    /// <param name="startTimeout">How long to wait for the ports to listen (90 s by default: ~3 s usually, but node alone took 14 s on a loaded shared machine).</param>
    public static async Task<AzuriteProcess> StartAsync(
        string? dataFolder = null, int blobPort = 0, int queuePort = 0, int tablePort = 0, bool skipApiVersionCheck = true, TimeSpan? startTimeout = null, CancellationToken cancellationToken = default)
    {
        var script = FindAzurite();
        blobPort = blobPort == 0 ? FreePort.Find() : blobPort;
        queuePort = queuePort == 0 ? FreePort.Find() : queuePort;
        tablePort = tablePort == 0 ? FreePort.Find() : tablePort;
        var info = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(script);
        if (skipApiVersionCheck)
        {
            info.ArgumentList.Add("--skipApiVersionCheck");
        }

        foreach (var arg in new[]
        {
            // Telemetry costs Azurite a middleware per request (and tries to reach the internet); nobody reads it here.
            "--silent", "--disableProductStyleUrl", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", blobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", queuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", tablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            info.ArgumentList.Add(arg);
        }

        if (dataFolder is null)
        {
            info.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(dataFolder);
            info.ArgumentList.Add("--location");
            info.ArgumentList.Add(dataFolder);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start node for Azurite.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new AzuriteProcess(process, blobPort, queuePort, tablePort);

        var until = DateTime.UtcNow + (startTimeout ?? TimeSpan.FromSeconds(90));
        while (!(FreePort.IsListening(blobPort) && FreePort.IsListening(queuePort) && FreePort.IsListening(tablePort)))
        {
            if (process.HasExited || DateTime.UtcNow > until)
            {
                // Read the exit code before disposing: afterwards the Process object no longer answers.
                var exitCode = process.HasExited ? process.ExitCode : -1;
                await azurite.DisposeAsync();
                throw new InvalidOperationException($"Azurite did not start listening on {blobPort}/{queuePort}/{tablePort} (exit code {exitCode}).");
            }

            await Task.Delay(100, cancellationToken);
        }

        return azurite;
    }

    /// <summary>Kills Azurite outright (a crash, not a graceful stop).</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        process.Dispose();
        return ValueTask.CompletedTask;
    }

    static string FindAzurite()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "node_modules", "azurite", "dist", "src", "azurite.js");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("Azurite is not installed: run `npm ci` in the repository root first.");
    }
}
