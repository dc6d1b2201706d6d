using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>
/// After the report is delivered, waits for the steering group's decision. Instance id
/// <see cref="CycleIds.ApprovalInstance"/>, started as a top-level instance by <see cref="StartSteeringApprovalActivity"/>.
/// The coordinator stores the decision and then raises <see cref="ApprovalEvents.SteeringDecisionRecorded"/>; the
/// orchestration reads the decision from Tables (also once at the start: a decision recorded before this instance
/// ran raised its event into nothing). Reminds the coordinator at each interval; an approval archives the report anew
/// (now saying "Fastställd av styrgruppen") and publishes the citizens' summary; a return keeps waiting for the next decision; the wait ends after <see cref="SteeringApprovalInput.MaxWait"/>.
/// </summary>
public sealed class SteeringApprovalOrchestrator : TaskOrchestrator<SteeringApprovalInput, SteeringApprovalResult>
{
    public override async Task<SteeringApprovalResult> RunAsync(TaskOrchestrationContext context, SteeringApprovalInput input)
    {
        var logger = context.CreateReplaySafeLogger<SteeringApprovalOrchestrator>();
        var task = new ApprovalTaskInput(input.AgreementId, input.Year);
        var giveUpAt = context.CurrentUtcDateTime.Add(input.MaxWait);
        var reminders = 0;
        var returned = false;
        DateOnly? returnedOn = null;

        var decision = await context.ReadSteeringDecisionAsync(task);
        var recorded = context.WaitForExternalEvent<SteeringDecisionRecordedEvent>(ApprovalEvents.SteeringDecisionRecorded);
        while (true)
        {
            if (decision is { Decided: true, Approved: true })
            {
                await context.ArchiveApprovedReportAsync(task);
                await context.PublishCitizenSummaryAsync(task);
                logger.LogInformation("Approval {Instance}: approved on {Date}, citizens' summary published", context.InstanceId, decision.DecidedOn);
                return new SteeringApprovalResult(input.AgreementId, input.Year, SteeringApprovalOutcome.Approved, reminders, decision.DecidedOn);
            }

            if (decision is { Decided: true, Approved: false })
            {
                // Returned with a note: the report goes round again and the steering group decides anew.
                returned = true;
                returnedOn = decision.DecidedOn;
                logger.LogInformation("Approval {Instance}: returned on {Date}; waiting for a new decision", context.InstanceId, decision.DecidedOn);
            }

            var now = context.CurrentUtcDateTime;
            if (now >= giveUpAt)
            {
                logger.LogWarning("Approval {Instance}: no approval after {Wait}; the wait ends", context.InstanceId, input.MaxWait);
                return new SteeringApprovalResult(
                    input.AgreementId, input.Year, returned ? SteeringApprovalOutcome.Returned : SteeringApprovalOutcome.NoDecision, reminders, returnedOn);
            }

            var next = now.Add(input.ReminderInterval);
            var wakeAt = next < giveUpAt ? next : giveUpAt;
            using var timerCancellation = new CancellationTokenSource();
            var timer = context.CreateTimer(wakeAt, timerCancellation.Token);
            if (await Task.WhenAny(timer, recorded) == recorded)
            {
                timerCancellation.Cancel();
                recorded = context.WaitForExternalEvent<SteeringDecisionRecordedEvent>(ApprovalEvents.SteeringDecisionRecorded);
                decision = await context.ReadSteeringDecisionAsync(task);
                continue;
            }

            if (wakeAt < giveUpAt)
            {
                reminders++;
                await context.SendApprovalReminderAsync(new SendApprovalReminderInput(input.AgreementId, input.Year, reminders));
            }

            // Tables stay the truth: a decision whose wake-up was lost is found here at the latest.
            decision = await context.ReadSteeringDecisionAsync(task);
        }
    }
}
