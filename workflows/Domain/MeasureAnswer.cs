namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>An owner's answer for one measure in one cycle.</summary>
public sealed record MeasureAnswer(
    string MeasureId,
    MeasureStatus? Status,
    TrafficLight? Light,
    string Comment,
    IReadOnlyDictionary<string, decimal?> IndicatorValues,
    string NextYearPlan);
