using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Trygghetsuppfoljning.Workflows.Orchestration;

namespace Trygghetsuppfoljning.Functions;

/// <summary>Orchestrator triggers: each runs the class from workflows/ (the name is the persisted task name).</summary>
public static class OrchestratorFunctions
{
    [Function(nameof(AnnualFollowUpOrchestrator))]
    public static Task<AnnualCycleResult> RunAnnualFollowUp([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new AnnualFollowUpOrchestrator().RunAsync(context, context.GetInput<AnnualCycleInput>()!);

    // Legacy: cycles started by earlier versions replay under these names until they end.
    [Function(nameof(AnnualCycleOrchestrator))]
    public static Task<AnnualCycleResult> RunAnnualCycle([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new AnnualCycleOrchestrator().RunAsync(context, context.GetInput<AnnualCycleInput>()!);

    [Function(nameof(OwnerInputOrchestrator))]
    public static Task<OwnerInputResult> RunOwnerInput([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new OwnerInputOrchestrator().RunAsync(context, context.GetInput<OwnerInputInput>()!);
}
