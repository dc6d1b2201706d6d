namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>
/// An owner's answer for one measure in one cycle. <see cref="PublicNote"/> is the only text the owner marks for
/// citizens; <see cref="Comment"/> and <see cref="NextYearPlan"/> stay internal.
/// </summary>
public sealed record MeasureAnswer(
    string MeasureId,
    MeasureStatus? Status,
    TrafficLight? Light,
    string Comment,
    IReadOnlyDictionary<string, decimal?> IndicatorValues,
    string NextYearPlan,
    string? PublicNote = null);
