using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Trygghetsuppfoljning.Workflows.Orchestration;

namespace Trygghetsuppfoljning.Functions;

/// <summary>The steering-group approval's durable triggers (issue 13), one line each into workflows/, as in <see cref="ActivityFunctions"/>.</summary>
public static class ApprovalFunctions
{
    [Function(nameof(SteeringApprovalOrchestrator))]
    public static Task<SteeringApprovalResult> RunSteeringApproval([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new SteeringApprovalOrchestrator().RunAsync(context, context.GetInput<SteeringApprovalInput>()!);

    [Function(nameof(StartSteeringApprovalActivity))]
    public static Task<string> StartSteeringApproval(
        [ActivityTrigger] StartSteeringApprovalInput input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        ActivityRunner.RunAsync<StartSteeringApprovalActivity, StartSteeringApprovalInput, string>(input, instanceId, context, client);

    [Function(nameof(ReadSteeringDecisionActivity))]
    public static Task<StoredDecision> ReadSteeringDecision([ActivityTrigger] ApprovalTaskInput input, string instanceId, FunctionContext context) =>
        ActivityRunner.RunAsync<ReadSteeringDecisionActivity, ApprovalTaskInput, StoredDecision>(input, instanceId, context);

    [Function(nameof(SendApprovalReminderActivity))]
    public static Task<bool> SendApprovalReminder([ActivityTrigger] SendApprovalReminderInput input, string instanceId, FunctionContext context) =>
        ActivityRunner.RunAsync<SendApprovalReminderActivity, SendApprovalReminderInput, bool>(input, instanceId, context);

    [Function(nameof(ArchiveApprovedReportActivity))]
    public static Task<string> ArchiveApprovedReport([ActivityTrigger] ApprovalTaskInput input, string instanceId, FunctionContext context) =>
        ActivityRunner.RunAsync<ArchiveApprovedReportActivity, ApprovalTaskInput, string>(input, instanceId, context);

    [Function(nameof(PublishCitizenSummaryActivity))]
    public static Task<bool> PublishCitizenSummary([ActivityTrigger] ApprovalTaskInput input, string instanceId, FunctionContext context) =>
        ActivityRunner.RunAsync<PublishCitizenSummaryActivity, ApprovalTaskInput, bool>(input, instanceId, context);

    [Function(nameof(OpenReturnRoundActivity))]
    public static Task<int> OpenReturnRound([ActivityTrigger] ReturnRoundTaskInput input, string instanceId, FunctionContext context) =>
        ActivityRunner.RunAsync<OpenReturnRoundActivity, ReturnRoundTaskInput, int>(input, instanceId, context);

    [Function(nameof(CloseReturnRoundActivity))]
    public static Task<CloseReturnRoundResult> CloseReturnRound([ActivityTrigger] ReturnRoundTaskInput input, string instanceId, FunctionContext context) =>
        ActivityRunner.RunAsync<CloseReturnRoundActivity, ReturnRoundTaskInput, CloseReturnRoundResult>(input, instanceId, context);
}
