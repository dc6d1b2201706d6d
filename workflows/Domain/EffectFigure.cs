namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>
/// The value of an effect indicator for one cycle, entered by the coordinator or an analyst (not the measure's
/// owner), with where it comes from and how recent it is, e.g. "NTU 2025, Brå", 2025-11-30.
/// </summary>
public sealed record EffectFigure(
    string CycleId,
    string MeasureId,
    string IndicatorId,
    decimal Value,
    string Source,
    DateOnly SourceDate,
    string EnteredBy,
    DateTimeOffset EnteredUtc);
