using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Trygghetsuppfoljning.Workflows.Orchestration;

namespace Trygghetsuppfoljning.Functions;

/// <summary>Activity triggers: one line each into workflows/. Activities that raise events or start instances get the durable client binding.</summary>
public static class ActivityFunctions
{
    [Function(nameof(PrepareCycleActivity))]
    public static Task<PrepareCycleResult> PrepareCycle([ActivityTrigger] PrepareCycleInput input, string instanceId, FunctionContext context) =>
        ActivityRunner.RunAsync<PrepareCycleActivity, PrepareCycleInput, PrepareCycleResult>(input, instanceId, context);

    [Function(nameof(StartOwnerInputActivity))]
    public static Task<string> StartOwnerInput([ActivityTrigger] OwnerInputInput input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        ActivityRunner.RunAsync<StartOwnerInputActivity, OwnerInputInput, string>(input, instanceId, context, client);

    [Function(nameof(SendInvitationActivity))]
    public static Task<bool> SendInvitation([ActivityTrigger] OwnerTaskInput input, string instanceId, FunctionContext context) =>
        ActivityRunner.RunAsync<SendInvitationActivity, OwnerTaskInput, bool>(input, instanceId, context);

    [Function(nameof(SendReminderActivity))]
    public static Task<bool> SendReminder([ActivityTrigger] SendReminderInput input, string instanceId, FunctionContext context) =>
        ActivityRunner.RunAsync<SendReminderActivity, SendReminderInput, bool>(input, instanceId, context);

    [Function(nameof(SendReceiptActivity))]
    public static Task<bool> SendReceipt([ActivityTrigger] SendReceiptInput input, string instanceId, FunctionContext context) =>
        ActivityRunner.RunAsync<SendReceiptActivity, SendReceiptInput, bool>(input, instanceId, context);

    [Function(nameof(RecordOwnerOutcomeActivity))]
    public static Task<OwnerInputResult> RecordOwnerOutcome([ActivityTrigger] OwnerTaskInput input, string instanceId, FunctionContext context) =>
        ActivityRunner.RunAsync<RecordOwnerOutcomeActivity, OwnerTaskInput, OwnerInputResult>(input, instanceId, context);

    [Function(nameof(NotifyCycleActivity))]
    public static Task<bool> NotifyCycle([ActivityTrigger] NotifyCycleInput input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        ActivityRunner.RunAsync<NotifyCycleActivity, NotifyCycleInput, bool>(input, instanceId, context, client);

    [Function(nameof(SignalOwnersActivity))]
    public static Task<int> SignalOwners([ActivityTrigger] SignalOwnersInput input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        ActivityRunner.RunAsync<SignalOwnersActivity, SignalOwnersInput, int>(input, instanceId, context, client);

    [Function(nameof(NotifyCoordinatorActivity))]
    public static Task<int> NotifyCoordinator([ActivityTrigger] CycleTaskInput input, string instanceId, FunctionContext context) =>
        ActivityRunner.RunAsync<NotifyCoordinatorActivity, CycleTaskInput, int>(input, instanceId, context);

    [Function(nameof(CloseCycleActivity))]
    public static Task<bool> CloseCycle([ActivityTrigger] CloseCycleInput input, string instanceId, FunctionContext context) =>
        ActivityRunner.RunAsync<CloseCycleActivity, CloseCycleInput, bool>(input, instanceId, context);

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
