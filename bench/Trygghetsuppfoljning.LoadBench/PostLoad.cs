using System.Collections.Concurrent;
using System.Diagnostics;

namespace Trygghetsuppfoljning.LoadBench;

/// <summary>
/// A closed loop of <c>concurrency</c> clients POSTing for a fixed time; each request goes to the next owner in turn,
/// so the posts are spread over all owners' links. Latency is measured per request to the last byte of the response.
/// </summary>
public static class PostLoad
{
    public static async Task<(int Ok, int Refused, int Errors, double Seconds, LatencySummary Latency)> RunAsync(
        int concurrency, TimeSpan duration, Func<int, CancellationToken, Task<(int Status, double Milliseconds)>> post)
    {
        var latencies = new ConcurrentBag<double>();
        int ok = 0, refused = 0, errors = 0, next = -1;
        var clock = Stopwatch.StartNew();
        using var hardStop = new CancellationTokenSource(duration + TimeSpan.FromSeconds(60));
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration && !hardStop.IsCancellationRequested)
            {
                try
                {
                    var (status, ms) = await post(Interlocked.Increment(ref next), hardStop.Token);
                    if (status == 200)
                    {
                        Interlocked.Increment(ref ok);
                        latencies.Add(ms);
                    }
                    else
                    {
                        Interlocked.Increment(ref refused);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })));
        return (ok, refused, errors, clock.Elapsed.TotalSeconds, LatencySummary.Of(latencies));
    }
}
