using Azure.Core;
using Azure.Core.Pipeline;

namespace Trygghetsuppfoljning.IntegrationTests.Foundation;

/// <summary>Counts every request the Table client sends (and can fail the first ones, for transient-fault tests).</summary>
public sealed class CountingTablePolicy : HttpPipelineSynchronousPolicy
{
    int count;
    int failuresLeft;

    public int Count => Volatile.Read(ref count);

    /// <summary>Method and path of each request since the last reset (what a failing count assertion prints).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Requests { get; private set; } = new();

    /// <summary>The recorded requests that were queries (a table's entity set, not one entity by its keys).</summary>
    public IReadOnlyList<string> Queries => Requests.Where(r => r.StartsWith("GET ", StringComparison.Ordinal) && r.EndsWith("()", StringComparison.Ordinal)).ToList();

    public void Reset()
    {
        Interlocked.Exchange(ref count, 0);
        Requests = new();
    }

    /// <summary>The next <paramref name="requests"/> requests fail as if the network dropped them.</summary>
    public void FailNext(int requests) => Interlocked.Exchange(ref failuresLeft, requests);

    public override void OnSendingRequest(HttpMessage message)
    {
        Interlocked.Increment(ref count);
        Requests.Enqueue($"{message.Request.Method} {Uri.UnescapeDataString(message.Request.Uri.Path)}");
        if (Interlocked.Decrement(ref failuresLeft) >= 0)
        {
            throw new HttpRequestException("Simulated network failure (test).");
        }

        Interlocked.Exchange(ref failuresLeft, 0);
    }
}
