using Microsoft.Extensions.Options;
using Trygghetsuppfoljning.Workflows.Forms;

namespace Trygghetsuppfoljning.Tests.Forms;

public sealed class PostRateLimiterTests
{
    sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void Limits_apply_per_token_and_per_address_and_say_how_long_to_wait()
    {
        var clock = new Clock(DateTimeOffset.UnixEpoch);
        var limiter = new PostRateLimiter(Options.Create(new FormOptions { PostsPerTokenPerWindow = 2, PostsPerAddressPerWindow = 3, RateLimitWindow = TimeSpan.FromMinutes(10) }), clock);

        Assert.Null(limiter.TryAcquire("t1", "a"));
        clock.Now += TimeSpan.FromMinutes(4);
        Assert.Null(limiter.TryAcquire("t1", "a"));
        Assert.Equal(TimeSpan.FromMinutes(6), limiter.TryAcquire("t1", "a"));
        Assert.NotNull(limiter.TryAcquire("t2", "a"));
        Assert.Null(limiter.TryAcquire("t2", "b"));

        clock.Now += TimeSpan.FromMinutes(6);
        Assert.Null(limiter.TryAcquire("t1", "a"));
    }
}
