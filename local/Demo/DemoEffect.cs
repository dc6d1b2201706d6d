namespace Trygghetsuppfoljning.Local.Demo;

/// <summary>An effect figure the demo's coordinator enters: value, where it comes from, and its date.</summary>
public sealed record DemoEffect(decimal Value, string Source, DateOnly Date);
