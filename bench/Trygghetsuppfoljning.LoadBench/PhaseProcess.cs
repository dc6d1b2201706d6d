using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Trygghetsuppfoljning.LoadBench;

/// <summary>
/// Runs each phase (one P1 size, or P3) in a child process of this same program: its peak memory is its own, a crash
/// or a slow shutdown of one phase's engine cannot take the others with it, and the child is killed (with its
/// Azurite) if it outlives its cap. The child prints its result as one JSON line.
/// </summary>
public static class PhaseProcess
{
    public const string ChildFlag = "--phase";
    const string ResultPrefix = "RESULT:";

    static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static Task<T?> RunAsync<T>(TimeSpan cap, params string[] phaseArgs)
        where T : class => RunCoreAsync<T>(cap, phaseArgs);

    /// <summary>In the child: print the result for the parent, then leave at once (no engine shutdown).</summary>
    public static void Report<T>(T result)
    {
        Console.Out.WriteLine(ResultPrefix + JsonSerializer.Serialize(result, Json));
        Console.Out.Flush();
        Console.Error.Flush();
        Environment.Exit(0);
    }

    static async Task<T?> RunCoreAsync<T>(TimeSpan cap, string[] phaseArgs)
        where T : class
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(ChildFlag);
        foreach (var a in phaseArgs)
        {
            info.ArgumentList.Add(a);
        }

        using var child = Process.Start(info) ?? throw new InvalidOperationException("Could not start the phase process.");
        T? result = null;
        var reading = Task.Run(async () =>
        {
            while (await child.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.StartsWith(ResultPrefix, StringComparison.Ordinal))
                {
                    result = JsonSerializer.Deserialize<T>(line[ResultPrefix.Length..], Json);
                }
            }
        });
        using var timeout = new CancellationTokenSource(cap + TimeSpan.FromMinutes(3));
        try
        {
            await child.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            Console.Error.WriteLine($"  phase {string.Join(' ', phaseArgs)} outlived its cap and was killed");
        }

        await reading.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        return result;
    }

    public static string Arg(int value) => value.ToString(CultureInfo.InvariantCulture);
}
