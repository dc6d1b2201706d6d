using System.Collections.Concurrent;
using System.Diagnostics;
using Trygghetsuppfoljning.Local;

namespace Trygghetsuppfoljning.IntegrationTests.Resilience;

/// <summary>
/// The built local host run as its own OS process (`dotnet Trygghetsuppfoljning.Local.dll serve`), so a test can
/// SIGKILL it. Settings travel as environment variables, as they would on a server.
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    readonly Process process;
    readonly ConcurrentQueue<string> output = new();

    LocalHostProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => process.Id;

    /// <summary>Waits until the process has ended by itself (e.g. killed at an armed checkpoint); false on timeout.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The last lines the host wrote, for a failure message.</summary>
    public string Tail => string.Join(Environment.NewLine, output.TakeLast(40));

    public static string HostAssembly
    {
        get
        {
            // Same configuration as the test build (Debug/Release), which builds the referenced host first.
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var path = Path.Combine(RepositoryPaths.Root, "local", "bin", configuration, "net10.0", "Trygghetsuppfoljning.Local.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build the local host first.", path);
        }
    }

    public static async Task<LocalHostProcess> StartAsync(IReadOnlyDictionary<string, string> environment, string baseUrl, TimeSpan timeout)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        info.ArgumentList.Add(HostAssembly);
        info.ArgumentList.Add("serve");
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var host = new LocalHostProcess(Process.Start(info) ?? throw new InvalidOperationException("Could not start the local host."));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            if (host.process.HasExited)
            {
                throw new InvalidOperationException($"The local host exited with {host.process.ExitCode}:{Environment.NewLine}{host.Tail}");
            }

            try
            {
                // Any answer from the API (401 without a key) means Kestrel is up.
                using var response = await http.GetAsync($"{baseUrl}/api/cycles/ready/1");
                return host;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                if (DateTime.UtcNow > until)
                {
                    host.Kill();
                    throw new TimeoutException($"The local host did not answer within {timeout}:{Environment.NewLine}{host.Tail}");
                }

                await Task.Delay(100);
            }
        }
    }

    /// <summary>SIGKILL on Linux: no shutdown code runs, leases and in-flight messages are left behind.</summary>
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

    void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 200)
        {
            output.TryDequeue(out _);
        }
    }
}
