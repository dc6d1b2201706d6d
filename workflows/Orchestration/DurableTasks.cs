using Microsoft.DurableTask;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>
/// The durable contract in one place: every orchestrator and activity (from which the local registry, the Functions
/// metadata test and the test fakes are built) and a typed call for each activity with its retry policy inside, as
/// the durabletask-dotnet source generator would emit them. Task names are the class names: a persisted contract.
/// </summary>
public static class DurableTasks
{
    public static readonly IReadOnlyList<Type> Orchestrators =
    [
        typeof(AnnualFollowUpOrchestrator),

        // Legacy: cycles started by earlier versions replay under these names until they end.
        typeof(AnnualCycleOrchestrator),
        typeof(OwnerInputOrchestrator),
        .. ApprovalTasks.Orchestrators,
    ];

    public static readonly IReadOnlyList<Type> Activities =
    [
        typeof(PrepareCycleActivity),
        typeof(InviteOwnersActivity),
        typeof(RemindOwnersActivity),
        typeof(SendDueReceiptsActivity),
        typeof(RecordOwnerOutcomesActivity),
        typeof(NotifyCoordinatorActivity),
        typeof(CloseCycleActivity),
        typeof(RecordFinalAnswersActivity),
        typeof(AggregateCycleActivity),
        typeof(GenerateReportActivity),
        typeof(DeliverReportActivity),
        typeof(OpenReturnRoundActivity),
        typeof(CloseReturnRoundActivity),
        .. ApprovalTasks.Activities,

        // Legacy: the owner instances of cycles started by earlier versions.
        typeof(StartOwnerInputsActivity),
        typeof(SendInvitationActivity),
        typeof(SendReminderActivity),
        typeof(SendReceiptActivity),
        typeof(SignalOwnersActivity),
    ];

    // Mail and storage outages: 10 attempts, 5 s doubling to at most 5 min (≈ 20 min in all), so an SMTP server
    // down for a quarter of an hour costs a delay, not a lost mail. Longer outages fail the instance, which the
    // coordinator sees as Failed and can resume (CoordinatorService.ResumeAsync) without losing answers.
    static readonly TaskOptions Outage = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 10, firstRetryInterval: TimeSpan.FromSeconds(5), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(5)));

    public static Task<PrepareCycleResult> PrepareCycleAsync(this TaskOrchestrationContext context, PrepareCycleInput input) =>
        context.CallActivityAsync<PrepareCycleResult>(nameof(PrepareCycleActivity), input, Outage);

    public static Task<int> InviteOwnersAsync(this TaskOrchestrationContext context, CycleTaskInput input) =>
        context.CallActivityAsync<int>(nameof(InviteOwnersActivity), input, Outage);

    public static Task<int> RemindOwnersAsync(this TaskOrchestrationContext context, RemindOwnersInput input) =>
        context.CallActivityAsync<int>(nameof(RemindOwnersActivity), input, Outage);

    public static Task<int> SendDueReceiptsAsync(this TaskOrchestrationContext context, SendDueReceiptsInput input) =>
        context.CallActivityAsync<int>(nameof(SendDueReceiptsActivity), input, Outage);

    public static Task<int> StartOwnerInputsAsync(this TaskOrchestrationContext context, StartOwnerInputsInput input) =>
        context.CallActivityAsync<int>(nameof(StartOwnerInputsActivity), input, Outage);

    public static Task<bool> SendInvitationAsync(this TaskOrchestrationContext context, OwnerTaskInput input) =>
        context.CallActivityAsync<bool>(nameof(SendInvitationActivity), input, Outage);

    public static Task<bool> SendReminderAsync(this TaskOrchestrationContext context, SendReminderInput input) =>
        context.CallActivityAsync<bool>(nameof(SendReminderActivity), input, Outage);

    public static Task<int> SendReceiptAsync(this TaskOrchestrationContext context, SendReceiptInput input) =>
        context.CallActivityAsync<int>(nameof(SendReceiptActivity), input, Outage);

    public static Task<OwnerOutcomesResult> RecordOwnerOutcomesAsync(this TaskOrchestrationContext context, CycleTaskInput input) =>
        context.CallActivityAsync<OwnerOutcomesResult>(nameof(RecordOwnerOutcomesActivity), input, Outage);

    public static Task<int> NotifyCoordinatorAsync(this TaskOrchestrationContext context, CycleTaskInput input) =>
        context.CallActivityAsync<int>(nameof(NotifyCoordinatorActivity), input, Outage);

    public static Task<int> SignalOwnersAsync(this TaskOrchestrationContext context, SignalOwnersInput input) =>
        context.CallActivityAsync<int>(nameof(SignalOwnersActivity), input, Outage);

    public static Task<CloseCycleResult> CloseCycleAsync(this TaskOrchestrationContext context, CloseCycleInput input) =>
        context.CallActivityAsync<CloseCycleResult>(nameof(CloseCycleActivity), input, Outage);

    public static Task<int> RecordFinalAnswersAsync(this TaskOrchestrationContext context, CycleTaskInput input) =>
        context.CallActivityAsync<int>(nameof(RecordFinalAnswersActivity), input, Outage);

    public static Task<AggregateCycleResult> AggregateCycleAsync(this TaskOrchestrationContext context, CycleTaskInput input) =>
        context.CallActivityAsync<AggregateCycleResult>(nameof(AggregateCycleActivity), input, Outage);

    public static Task<string> GenerateReportAsync(this TaskOrchestrationContext context, CycleTaskInput input) =>
        context.CallActivityAsync<string>(nameof(GenerateReportActivity), input, Outage);

    public static Task<bool> DeliverReportAsync(this TaskOrchestrationContext context, DeliverReportInput input) =>
        context.CallActivityAsync<bool>(nameof(DeliverReportActivity), input, Outage);

    public static Task<int> OpenReturnRoundAsync(this TaskOrchestrationContext context, ReturnRoundTaskInput input) =>
        context.CallActivityAsync<int>(nameof(OpenReturnRoundActivity), input, Outage);

    public static Task<CloseReturnRoundResult> CloseReturnRoundAsync(this TaskOrchestrationContext context, ReturnRoundTaskInput input) =>
        context.CallActivityAsync<CloseReturnRoundResult>(nameof(CloseReturnRoundActivity), input, Outage);

    /// <summary>Registers every task by class (the local host; the Functions app has its wrappers for the same list).</summary>
    public static DurableTaskRegistry AddTrygghetsuppfoljningTasks(this DurableTaskRegistry registry)
    {
        foreach (var orchestrator in Orchestrators)
        {
            registry.AddOrchestrator(orchestrator);
        }

        foreach (var activity in Activities)
        {
            registry.AddActivity(activity);
        }

        return registry;
    }
}
