namespace Trygghetsuppfoljning.IntegrationTests.Forms;

/// <summary>A clock stopped at one instant: issues anti-forgery values that were minted hours ago.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
