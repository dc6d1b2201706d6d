using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Local.Demo;

/// <summary>One scripted answer from templates/demo: what a simulated owner types for a measure.</summary>
public sealed record DemoAnswer(MeasureStatus Status, TrafficLight Light, string Comment, Dictionary<string, decimal> Indicators, string Plan = "", string? PublicNote = null)
{
    public MeasureAnswer ToAnswer(string measureId) =>
        new(measureId, Status, Light, Comment, Indicators.ToDictionary(kv => kv.Key, kv => (decimal?)kv.Value), Plan, PublicNote);
}
