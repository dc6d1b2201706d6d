namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>Whether a rising indicator value is good news (survey results) or bad news (injuries, drug cases).</summary>
public enum IndicatorDirection
{
    HigherIsBetter,
    LowerIsBetter,
}
