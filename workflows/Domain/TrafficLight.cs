namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>The owner's own assessment of a measure: grön, gul or röd.</summary>
public enum TrafficLight
{
    Green,
    Yellow,
    Red,
}
