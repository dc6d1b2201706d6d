using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>
/// Starts the cycle's <see cref="SteeringApprovalOrchestrator"/> as its own top-level instance (sub-orchestrations hang
/// on the local engine), with the schedule from <see cref="ApprovalOptions"/>. Starting an existing id is a no-op.
/// </summary>
public sealed class StartSteeringApprovalActivity(DurableTaskClient client, IOptions<ApprovalOptions> options) : TaskActivity<StartSteeringApprovalInput, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, StartSteeringApprovalInput input)
    {
        var instanceId = CycleIds.ApprovalInstance(input.AgreementId, input.Year);
        var o = options.Value;
        await OrchestrationStarter.StartIfNewAsync(
            client, nameof(SteeringApprovalOrchestrator), instanceId, new SteeringApprovalInput(input.AgreementId, input.Year, o.ReminderInterval, o.MaxWait));
        return instanceId;
    }
}
