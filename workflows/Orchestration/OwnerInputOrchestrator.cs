using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>
/// One owner's part of a cycle, run as its own top-level instance (see design.md: sub-orchestrations hang on the
/// local engine). Invites, sends a receipt for each submission, reminds on schedule while nothing is submitted,
/// and at the deadline records the outcome and reports it to the cycle instance.
/// </summary>
public sealed class OwnerInputOrchestrator : TaskOrchestrator<OwnerInputInput, OwnerInputResult>
{
    public override async Task<OwnerInputResult> RunAsync(TaskOrchestrationContext context, OwnerInputInput input)
    {
        var logger = context.CreateReplaySafeLogger<OwnerInputOrchestrator>();
        var owner = new OwnerTaskInput(input.AgreementId, input.Year, input.OwnerId);
        await context.CallActivityAsync(nameof(SendInvitationActivity), owner, RetryPolicies.Outage);

        var deadline = input.DeadlineUtc;
        var remindersSent = 0;
        var submitted = false;
        var receiptRevision = 0;
        var closedByCycle = false;
        var submission = context.WaitForExternalEvent<ResponseSubmittedEvent>(CycleEvents.ResponseSubmitted);
        var extension = context.WaitForExternalEvent<DeadlineExtendedEvent>(CycleEvents.DeadlineExtended);
        var closing = context.WaitForExternalEvent<CloseRequestedEvent>(CycleEvents.CycleClosing);

        while (true)
        {
            // Reminders are only due while nothing is submitted; each is due at deadline minus its offset.
            var nextReminder = submitted
                ? null
                : input.RemindersBeforeDeadline
                    .OrderByDescending(o => o)
                    .Skip(remindersSent)
                    .Select(o => (DateTimeOffset?)(deadline - o))
                    .FirstOrDefault();
            var wakeAt = nextReminder is { } r && r < deadline ? r : deadline;

            using var timerCancellation = new CancellationTokenSource();
            var timer = context.CreateTimer(wakeAt.UtcDateTime, timerCancellation.Token);
            var winner = await Task.WhenAny(timer, submission, extension, closing);
            if (winner != timer)
            {
                timerCancellation.Cancel();
            }

            if (winner == submission)
            {
                var revision = (await submission).Revision;
                submitted = true;
                receiptRevision = Math.Max(receiptRevision, revision);
                await context.CallActivityAsync(nameof(SendReceiptActivity), new SendReceiptInput(input.AgreementId, input.Year, input.OwnerId, revision), RetryPolicies.Outage);
                submission = context.WaitForExternalEvent<ResponseSubmittedEvent>(CycleEvents.ResponseSubmitted);
            }
            else if (winner == extension)
            {
                deadline = (await extension).NewDeadlineUtc;
                logger.LogInformation("Owner {Owner}: deadline moved to {Deadline}", input.OwnerId, deadline);
                extension = context.WaitForExternalEvent<DeadlineExtendedEvent>(CycleEvents.DeadlineExtended);
            }
            else if (winner == closing)
            {
                closedByCycle = true;
                break;
            }
            else if (wakeAt < deadline)
            {
                remindersSent++;
                // The activity re-checks Tables: an answer stored while its event was still in flight suppresses the reminder.
                var sent = await context.CallActivityAsync<bool>(
                    nameof(SendReminderActivity), new SendReminderInput(input.AgreementId, input.Year, input.OwnerId, remindersSent), RetryPolicies.Outage);
                submitted |= !sent;
            }
            else
            {
                break;
            }
        }

        var result = await context.CallActivityAsync<OwnerInputResult>(nameof(RecordOwnerOutcomeActivity), owner, RetryPolicies.Outage);
        await context.CallActivityAsync(nameof(NotifyCycleActivity), new NotifyCycleInput(input.CycleInstanceId, result), RetryPolicies.Outage);

        // A submission whose wake-up event never arrived (the form stores first and raises best effort; a host killed
        // in between loses the event) still gets its receipt. After NotifyCycle, so histories of running instances replay unchanged.
        if (result.LatestSubmittedRevision > receiptRevision)
        {
            await context.CallActivityAsync(
                nameof(SendReceiptActivity), new SendReceiptInput(input.AgreementId, input.Year, input.OwnerId, result.LatestSubmittedRevision), RetryPolicies.Outage);
            receiptRevision = result.LatestSubmittedRevision;
        }

        // Grace period: the form still accepts answers until the cycle closes, and a late answer deserves its receipt too.
        // The cycle says when it closes; the timer only guards against a cycle that never does.
        if (!closedByCycle && input.GracePeriod > TimeSpan.Zero)
        {
            using var guardCancellation = new CancellationTokenSource();
            var guard = context.CreateTimer(deadline.Add(input.GracePeriod).AddHours(1).UtcDateTime, guardCancellation.Token);
            while (true)
            {
                var winner = await Task.WhenAny(guard, submission, closing);
                if (winner != submission)
                {
                    break;
                }

                var revision = (await submission).Revision;
                if (revision > receiptRevision)
                {
                    receiptRevision = revision;
                    await context.CallActivityAsync(nameof(SendReceiptActivity), new SendReceiptInput(input.AgreementId, input.Year, input.OwnerId, revision), RetryPolicies.Outage);
                }

                submission = context.WaitForExternalEvent<ResponseSubmittedEvent>(CycleEvents.ResponseSubmitted);
            }

            if (!guard.IsCompleted)
            {
                guardCancellation.Cancel();
            }
        }

        return result;
    }
}
