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
        Assert.Null(limiter.TryAcquire("t2", "a"));
        Assert.NotNull(limiter.TryAcquire("t3", "a"));
        Assert.Null(limiter.TryAcquire("t2", "b"));

        clock.Now += TimeSpan.FromMinutes(6);
        Assert.Null(limiter.TryAcquire("t1", "a"));
    }

    [Fact]
    public void A_link_over_its_own_limit_does_not_lock_out_colleagues_behind_the_same_address()
    {
        var clock = new Clock(DateTimeOffset.UnixEpoch);
        var limiter = new PostRateLimiter(Options.Create(new FormOptions { PostsPerTokenPerWindow = 5, PostsPerAddressPerWindow = 20, RateLimitWindow = TimeSpan.FromMinutes(10) }), clock);

        // 300 posts with one link from the municipality's NAT address: refused after 5, and only those 5 count there.
        var refused = Enumerable.Range(0, 300).Count(_ => limiter.TryAcquire("hammered", "nat") is not null);

        Assert.Equal(295, refused);
        Assert.All(Enumerable.Range(0, 15), i => Assert.Null(limiter.TryAcquire($"colleague-{i}", "nat")));
    }
}
