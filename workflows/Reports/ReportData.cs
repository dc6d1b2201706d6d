using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Reports;

/// <summary>
/// Everything the steering group's report says, gathered before any OpenXml is written. Built only from
/// stored state of a closed cycle, so regenerating the report yields the same content.
/// </summary>
/// <param name="Round">The cycle's latest return round: once closed, the report is the version revised after that return.</param>
/// <param name="ReplacedOwnersAnswers">Submitted answers of owners replaced mid-cycle that a later answer superseded: listed, marked, never dropped.</param>
public sealed record ReportData(
    Agreement Agreement,
    Cycle Cycle,
    string Language,
    DateOnly ReportDate,
    CycleAggregate Current,
    IReadOnlyList<CycleAggregate> History,
    IReadOnlyList<MeasureOutcome> Outcomes,
    IReadOnlyList<OwnerProgress> Owners,
    RevisionAssessment Revision,
    IReadOnlyList<FinalAnswer>? ReplacedOwnersAnswers = null,
    IReadOnlyList<EffectFigure>? EffectFigures = null,
    SteeringDecision? Decision = null,
    ReturnRound? Round = null)
{
    /// <summary>Effect figures the coordinator entered for this cycle (empty when none).</summary>
    public IReadOnlyList<EffectFigure> Effects => EffectFigures ?? [];
}
