using Microsoft.DurableTask.Client;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>Cycles an earlier version started: run by <see cref="AnnualCycleOrchestrator"/>, with an instance per owner.</summary>
public static class LegacyCycle
{
    public static bool RunsOn(OrchestrationMetadata? cycleInstance) => cycleInstance?.Name == nameof(AnnualCycleOrchestrator);
}
