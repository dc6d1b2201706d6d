using Microsoft.Extensions.Options;
using Trygghetsuppfoljning.Workflows.Forms;

namespace Trygghetsuppfoljning.Tests.Forms;

public sealed class AntiforgeryProtectorTests
{
    sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    readonly Clock clock = new(DateTimeOffset.UnixEpoch.AddYears(55));
    readonly AntiforgeryProtector protector;

    public AntiforgeryProtectorTests() => protector = new AntiforgeryProtector(Options.Create(new FormOptions()), clock);

    [Fact]
    public void Value_is_bound_to_its_token_and_lives_twelve_hours()
    {
        var value = protector.Issue("hash-a");

        Assert.True(protector.IsValid("hash-a", value));
        Assert.False(protector.IsValid("hash-b", value));
        clock.Now += TimeSpan.FromHours(11.9);
        Assert.True(protector.IsValid("hash-a", value));
        clock.Now += TimeSpan.FromHours(0.2);
        Assert.False(protector.IsValid("hash-a", value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("-1.00")]
    [InlineData("99999999999999999999.00")]
    public void Malformed_values_are_refused(string? value) => Assert.False(protector.IsValid("hash-a", value));

    [Fact]
    public void Another_key_makes_every_value_invalid()
    {
        var value = protector.Issue("hash-a");
        var rotated = new AntiforgeryProtector(Options.Create(new FormOptions { AntiforgeryKey = new string('k', 40) }), clock);

        Assert.False(rotated.IsValid("hash-a", value));
    }
}
