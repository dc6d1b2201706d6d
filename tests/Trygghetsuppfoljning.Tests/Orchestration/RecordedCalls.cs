using System.Collections.Concurrent;

namespace Trygghetsuppfoljning.Tests.Orchestration;

/// <summary>What the stand-in activities were asked to do, in order.</summary>
internal sealed class RecordedCalls
{
    readonly ConcurrentQueue<string> calls = new();

    public IReadOnlyList<string> All => calls.ToList();

    public void Add(string call) => calls.Enqueue(call);

    public int Count(string prefix) => calls.Count(c => c.StartsWith(prefix, StringComparison.Ordinal));
}
