namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>
/// Brå's three kinds of follow-up. Produktion: was it done, how many. Process: how it was done, hours, what worked.
/// Effekt: did the problem change (reported crime, NTU / trygghetsmätning, the municipality's own statistics).
/// Owners answer produktion and process indicators on their form; effect figures come from the coordinator or an
/// analyst, with the source and date of each figure (<see cref="EffectFigure"/>).
/// </summary>
public enum IndicatorKind
{
    Produktion,
    Process,
    Effekt,
}
