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
/// <para>
/// After a return the coordinator may open a <see cref="ReturnRound"/> (stored first, then
/// <see cref="ReturnRoundOpenedEvent"/>): the round runs here, as activities, a timer and an event (sub-orchestrations
/// hang on the local engine): the chosen owners are mailed a new link; at the round's deadline, or when the coordinator
/// closes it early, it closes, their answers join the cycle's final answers, and the report is aggregated, generated and
/// delivered again, marked as revised. Then the steering group's new decision is awaited, with a fresh
/// <see cref="SteeringApprovalInput.MaxWait"/>.
/// </para>
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
        var roundOpened = context.WaitFor<ReturnRoundOpenedEvent>();
        var roundCloseRequest = context.WaitFor<ReturnRoundCloseRequestedEvent>();
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

            if (decision.OpenRound > 0)
            {
                roundCloseRequest = await RunReturnRoundAsync(context, input, decision.OpenRound, decision.RoundDeadlineUtc ?? context.CurrentUtcDateTime, roundCloseRequest, logger);

                // The revised report is with the steering group: its new decision gets the whole wait again.
                giveUpAt = context.CurrentUtcDateTime.Add(input.MaxWait);
                decision = await context.ReadSteeringDecisionAsync(task);
                continue;
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
            var winner = await Task.WhenAny(timer, recorded, roundOpened);
            if (winner != timer)
            {
                timerCancellation.Cancel();
                if (winner == recorded)
                {
                    recorded = context.WaitForExternalEvent<SteeringDecisionRecordedEvent>(ApprovalEvents.SteeringDecisionRecorded);
                }
                else
                {
                    roundOpened = context.WaitFor<ReturnRoundOpenedEvent>();
                }

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

    /// <summary>
    /// One return round: mail the owners, wait for the deadline or an early close of this round, close it, send the
    /// receipts of answers given in it, then take the answers in and deliver the revised report. Returns the wait for
    /// the next close request (a close request of another round is not this one's).
    /// </summary>
    static async Task<Task<ReturnRoundCloseRequestedEvent>> RunReturnRoundAsync(
        TaskOrchestrationContext context, SteeringApprovalInput input, int number, DateTimeOffset deadline, Task<ReturnRoundCloseRequestedEvent> closeRequest, ILogger logger)
    {
        var round = new ReturnRoundTaskInput(input.AgreementId, input.Year, number);
        var mailed = await context.OpenReturnRoundAsync(round);
        logger.LogInformation("Approval {Instance}: return round {Number} open until {Deadline}; {Mailed} owner(s) mailed", context.InstanceId, number, deadline, mailed);
        while (context.CurrentUtcDateTime < deadline)
        {
            using var timerCancellation = new CancellationTokenSource();
            var timer = context.CreateTimer(deadline.UtcDateTime, timerCancellation.Token);
            if (await Task.WhenAny(timer, closeRequest) == timer)
            {
                break;
            }

            timerCancellation.Cancel();
            var asked = (await closeRequest).Number;
            closeRequest = context.WaitFor<ReturnRoundCloseRequestedEvent>();
            if (asked == number)
            {
                break;
            }
        }

        var closed = await context.CloseReturnRoundAsync(round);
        if (!closed.Closed)
        {
            return closeRequest;
        }

        // An answer given in the round woke no one (the owner's own instance ended with the cycle): its receipt goes now.
        foreach (var ownerId in closed.OwnerIds)
        {
            await context.SendReceiptAsync(new SendReceiptInput(input.AgreementId, input.Year, ownerId, Revision: 0));
        }

        var cycle = new CycleTaskInput(input.AgreementId, input.Year);
        await context.RecordFinalAnswersAsync(cycle);
        await context.AggregateCycleAsync(cycle);
        var blobName = await context.GenerateReportAsync(cycle);
        await context.DeliverReportAsync(new DeliverReportInput(input.AgreementId, input.Year, blobName, closed.ReturnedOn, number));
        logger.LogInformation("Approval {Instance}: return round {Number} closed, revised report {Blob} delivered", context.InstanceId, number, blobName);
        return closeRequest;
    }
}
