using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Trygghetsuppfoljning.Workflows.Forms;

/// <summary>Fixed-window POST limits per token and per client address, in memory (one instance per host process).</summary>
public sealed class PostRateLimiter(IOptions<FormOptions> options, TimeProvider time)
{
    readonly ConcurrentDictionary<string, Window> windows = new(StringComparer.Ordinal);

    /// <summary>Counts the attempt; returns null when allowed, else how long until the window resets.</summary>
    public TimeSpan? TryAcquire(string tokenHash, string clientAddress)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        // A link already over its own limit is refused without counting against its address: one person hammering
        // their link must not lock out every colleague behind the same municipal NAT.
        var wait = Hit($"t:{tokenHash}", o.PostsPerTokenPerWindow, o.RateLimitWindow, now)
            ?? Hit($"a:{clientAddress}", o.PostsPerAddressPerWindow, o.RateLimitWindow, now);
        if (windows.Count > 100_000)
        {
            foreach (var (key, window) in windows.Where(w => w.Value.Start + o.RateLimitWindow < now).ToList())
            {
                windows.TryRemove(key, out _);
            }
        }

        return wait;
    }

    TimeSpan? Hit(string key, int limit, TimeSpan length, DateTimeOffset now)
    {
        var window = windows.AddOrUpdate(
            key,
            _ => new Window(now, 1),
            (_, w) => w.Start + length <= now ? new Window(now, 1) : w with { Count = w.Count + 1 });
        return window.Count > limit ? window.Start + length - now : null;
    }

    sealed record Window(DateTimeOffset Start, int Count);
}
