using System.Collections.Concurrent;

namespace Trygghetsuppfoljning.Tests.Orchestration;

/// <summary>What the stand-in activities were asked to do, in order, and by which instance.</summary>
internal sealed class RecordedCalls
{
    readonly ConcurrentQueue<(string Call, string Instance)> calls = new();

    public IReadOnlyList<string> All => calls.Select(c => c.Call).ToList();

    public IReadOnlyList<string> By(string instanceId) => calls.Where(c => c.Instance == instanceId).Select(c => c.Call).ToList();

    public void Add(string call, string instanceId = "") => calls.Enqueue((call, instanceId));

    public int Count(string prefix) => calls.Count(c => c.Call.StartsWith(prefix, StringComparison.Ordinal));

    public async Task WaitForAsync(string prefix, int count = 1, TimeSpan? patience = null)
    {
        var until = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(60));
        while (Count(prefix) < count)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Waited for {count}× '{prefix}'; saw: {string.Join(", ", All)}");
            }

            await Task.Delay(100);
        }
    }
}
