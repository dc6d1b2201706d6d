namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>A figure followed year by year for a measure, e.g. "Trafikskadade i tätort" (antal).</summary>
public sealed record Indicator(
    string Id,
    string Name,
    string Unit,
    decimal? Baseline,
    decimal? Target,
    IndicatorDirection Direction = IndicatorDirection.HigherIsBetter,
    IndicatorKind Kind = IndicatorKind.Produktion);
