using Microsoft.DurableTask;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>
/// The approval's durable tasks in one place (to join the cycle's task list): the types, and a typed call per
/// activity with its retry policy inside, so <see cref="SteeringApprovalOrchestrator"/> passes no names or policies.
/// </summary>
public static class ApprovalTasks
{
    public static readonly IReadOnlyList<Type> Orchestrators = [typeof(SteeringApprovalOrchestrator)];

    public static readonly IReadOnlyList<Type> Activities =
    [
        typeof(StartSteeringApprovalActivity),
        typeof(ReadSteeringDecisionActivity),
        typeof(SendApprovalReminderActivity),
        typeof(ArchiveApprovedReportActivity),
        typeof(PublishCitizenSummaryActivity),
    ];

    // Storage and mail outages: 10 attempts, 5 s doubling to at most 5 min (≈ 20 min in all), as for the cycle's tasks.
    static readonly TaskOptions Outage = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 10, firstRetryInterval: TimeSpan.FromSeconds(5), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(5)));

    /// <summary>For the cycle orchestrator's end: starts <see cref="SteeringApprovalOrchestrator"/> as its own instance.</summary>
    public static Task<string> StartSteeringApprovalAsync(this TaskOrchestrationContext context, StartSteeringApprovalInput input) =>
        context.CallActivityAsync<string>(nameof(StartSteeringApprovalActivity), input, Outage);

    public static Task<StoredDecision> ReadSteeringDecisionAsync(this TaskOrchestrationContext context, ApprovalTaskInput input) =>
        context.CallActivityAsync<StoredDecision>(nameof(ReadSteeringDecisionActivity), input, Outage);

    public static Task<bool> SendApprovalReminderAsync(this TaskOrchestrationContext context, SendApprovalReminderInput input) =>
        context.CallActivityAsync<bool>(nameof(SendApprovalReminderActivity), input, Outage);

    public static Task<string> ArchiveApprovedReportAsync(this TaskOrchestrationContext context, ApprovalTaskInput input) =>
        context.CallActivityAsync<string>(nameof(ArchiveApprovedReportActivity), input, Outage);

    public static Task<bool> PublishCitizenSummaryAsync(this TaskOrchestrationContext context, ApprovalTaskInput input) =>
        context.CallActivityAsync<bool>(nameof(PublishCitizenSummaryActivity), input, Outage);
}
