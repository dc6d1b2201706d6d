using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Import;

/// <summary>The roster's optional "Typ" column: which of Brå's three kinds of follow-up an indicator is.</summary>
public static class RosterKind
{
    /// <summary>Empty → Produktion (what rosters without the column meant); Swedish or English names, any case.</summary>
    public static IndicatorKind Parse(string text, Action<string> error)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "" or "produktion" or "production" or "output":
                return IndicatorKind.Produktion;
            case "process":
                return IndicatorKind.Process;
            case "effekt" or "effect":
                return IndicatorKind.Effekt;
            default:
                error($"Typ '{text}' ska vara Produktion, Process eller Effekt");
                return IndicatorKind.Produktion;
        }
    }
}
