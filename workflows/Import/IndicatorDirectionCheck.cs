using System.Globalization;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Import;

/// <summary>
/// A target on the worse side of the baseline means the direction is wrong (or a value is), and every report would
/// then call the improvement a deterioration. One rule for JSON and roster imports, and for inferring a blank
/// direction from the two values.
/// </summary>
public static class IndicatorDirectionCheck
{
    static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public const string HigherText = "Högre är bättre";
    public const string LowerText = "Lägre är bättre";

    public static string Text(IndicatorDirection direction) => direction == IndicatorDirection.LowerIsBetter ? LowerText : HigherText;

    /// <summary>The direction the two values imply, or null when they do not (one missing, or equal).</summary>
    public static IndicatorDirection? Infer(decimal? baseline, decimal? target) => (baseline, target) switch
    {
        ({ } b, { } t) when t > b => IndicatorDirection.HigherIsBetter,
        ({ } b, { } t) when t < b => IndicatorDirection.LowerIsBetter,
        _ => null,
    };

    /// <summary>What to fix, when the target lies on the worse side of the baseline for the direction; otherwise null.</summary>
    public static string? Problem(string indicatorName, IndicatorDirection direction, decimal? baseline, decimal? target)
    {
        if (Infer(baseline, target) is not { } implied || implied == direction)
        {
            return null;
        }

        var side = target < baseline ? "lägre" : "högre";
        return $"Indikatorn '{indicatorName}': målet {Number(target!.Value)} är {side} än utgångsvärdet {Number(baseline!.Value)}, "
            + $"men Riktning är '{Text(direction)}'. Ändra Riktning till '{Text(implied)}' eller rätta Mål eller Utgångsvärde";
    }

    /// <summary>The notice for a blank direction: which one was chosen and why.</summary>
    public static string InferredNotice(string indicatorName, decimal? baseline, decimal? target) =>
        Infer(baseline, target) switch
        {
            IndicatorDirection.LowerIsBetter =>
                $"Riktning saknas för indikatorn '{indicatorName}': '{LowerText}' antas eftersom målet {Number(target!.Value)} är lägre än utgångsvärdet {Number(baseline!.Value)}",
            IndicatorDirection.HigherIsBetter =>
                $"Riktning saknas för indikatorn '{indicatorName}': '{HigherText}' antas eftersom målet {Number(target!.Value)} är högre än utgångsvärdet {Number(baseline!.Value)}",
            _ => $"Riktning saknas för indikatorn '{indicatorName}': '{HigherText}' antas (ange Riktning om lägre värden är bättre)",
        };

    static string Number(decimal value) => value.ToString("0.##", Swedish);
}
