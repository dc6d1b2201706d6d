using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Trygghetsuppfoljning.Workflows.Orchestration;

namespace Trygghetsuppfoljning.Functions;

/// <summary>
/// Activity triggers for the tasks of <see cref="DurableTasks.Activities"/>: one line each into workflows/ (the wrapper the
/// durabletask source generator would emit; that package is not served here). Activities that raise events or start
/// instances get the durable client binding. A test pins that every listed task has its trigger under its name.
/// </summary>
public static class ActivityFunctions
{
    [Function(nameof(PrepareCycleActivity))]
    public static Task<PrepareCycleResult> PrepareCycle([ActivityTrigger] PrepareCycleInput input, string instanceId, FunctionContext context) =>
        ActivityRunner.RunAsync<PrepareCycleActivity, PrepareCycleInput, PrepareCycleResult>(input, instanceId, context);

    [Function(nameof(InviteOwnersActivity))]
    public static Task<int> InviteOwners([ActivityTrigger] CycleTaskInput input, string instanceId, FunctionContext context) =>
        ActivityRunner.RunAsync<InviteOwnersActivity, CycleTaskInput, int>(input, instanceId, context);

    [Function(nameof(RemindOwnersActivity))]
    public static Task<int> RemindOwners([ActivityTrigger] RemindOwnersInput input, string instanceId, FunctionContext context) =>
        ActivityRunner.RunAsync<RemindOwnersActivity, RemindOwnersInput, int>(input, instanceId, context);

    [Function(nameof(SendDueReceiptsActivity))]
    public static Task<int> SendDueReceipts([ActivityTrigger] SendDueReceiptsInput input, string instanceId, FunctionContext context) =>
        ActivityRunner.RunAsync<SendDueReceiptsActivity, SendDueReceiptsInput, int>(input, instanceId, context);

    // Legacy: the owner instances of cycles started by earlier versions.
    [Function(nameof(StartOwnerInputsActivity))]
    public static Task<int> StartOwnerInputs([ActivityTrigger] StartOwnerInputsInput input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        ActivityRunner.RunAsync<StartOwnerInputsActivity, StartOwnerInputsInput, int>(input, instanceId, context, client);

    [Function(nameof(SendInvitationActivity))]
    public static Task<bool> SendInvitation([ActivityTrigger] OwnerTaskInput input, string instanceId, FunctionContext context) =>
        ActivityRunner.RunAsync<SendInvitationActivity, OwnerTaskInput, bool>(input, instanceId, context);

    [Function(nameof(SendReminderActivity))]
    public static Task<bool> SendReminder([ActivityTrigger] SendReminderInput input, string instanceId, FunctionContext context) =>
        ActivityRunner.RunAsync<SendReminderActivity, SendReminderInput, bool>(input, instanceId, context);

    [Function(nameof(SendReceiptActivity))]
    public static Task<int> SendReceipt([ActivityTrigger] SendReceiptInput input, string instanceId, FunctionContext context) =>
        ActivityRunner.RunAsync<SendReceiptActivity, SendReceiptInput, int>(input, instanceId, context);

    [Function(nameof(RecordOwnerOutcomesActivity))]
    public static Task<OwnerOutcomesResult> RecordOwnerOutcomes([ActivityTrigger] CycleTaskInput input, string instanceId, FunctionContext context) =>
        ActivityRunner.RunAsync<RecordOwnerOutcomesActivity, CycleTaskInput, OwnerOutcomesResult>(input, instanceId, context);

    [Function(nameof(NotifyCoordinatorActivity))]
    public static Task<int> NotifyCoordinator([ActivityTrigger] CycleTaskInput input, string instanceId, FunctionContext context) =>
        ActivityRunner.RunAsync<NotifyCoordinatorActivity, CycleTaskInput, int>(input, instanceId, context);

    [Function(nameof(SignalOwnersActivity))]
    public static Task<int> SignalOwners([ActivityTrigger] SignalOwnersInput input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        ActivityRunner.RunAsync<SignalOwnersActivity, SignalOwnersInput, int>(input, instanceId, context, client);

    [Function(nameof(CloseCycleActivity))]
    public static Task<CloseCycleResult> CloseCycle([ActivityTrigger] CloseCycleInput input, string instanceId, FunctionContext context) =>
        ActivityRunner.RunAsync<CloseCycleActivity, CloseCycleInput, CloseCycleResult>(input, instanceId, context);

    [Function(nameof(RecordFinalAnswersActivity))]
    public static Task<int> RecordFinalAnswers([ActivityTrigger] CycleTaskInput input, string instanceId, FunctionContext context) =>
        ActivityRunner.RunAsync<RecordFinalAnswersActivity, CycleTaskInput, int>(input, instanceId, context);

    [Function(nameof(AggregateCycleActivity))]
    public static Task<AggregateCycleResult> AggregateCycle([ActivityTrigger] CycleTaskInput input, string instanceId, FunctionContext context) =>
        ActivityRunner.RunAsync<AggregateCycleActivity, CycleTaskInput, AggregateCycleResult>(input, instanceId, context);

    [Function(nameof(GenerateReportActivity))]
    public static Task<string> GenerateReport([ActivityTrigger] CycleTaskInput input, string instanceId, FunctionContext context) =>
        ActivityRunner.RunAsync<GenerateReportActivity, CycleTaskInput, string>(input, instanceId, context);

    [Function(nameof(DeliverReportActivity))]
    public static Task<bool> DeliverReport([ActivityTrigger] DeliverReportInput input, string instanceId, FunctionContext context) =>
        ActivityRunner.RunAsync<DeliverReportActivity, DeliverReportInput, bool>(input, instanceId, context);
}
