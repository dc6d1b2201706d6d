using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>
/// One owner's part of a cycle, run as its own top-level instance (see design.md: sub-orchestrations hang on the local
/// engine). Invites; reminds on schedule while nothing is submitted (reminders already overdue when the instance
/// starts are skipped, not sent in a burst); sends one receipt per burst of submissions; listens until the cycle
/// closes, so a late answer in the grace period gets its receipt too. A moved deadline tells an owner who has not
/// answered. Nothing is reported back to the cycle: the cycle reads outcomes from Tables.
/// </summary>
public sealed class OwnerInputOrchestrator : TaskOrchestrator<OwnerInputInput, OwnerInputResult>
{
    // Guards against a cycle that never says it closed: the owner stops an hour after deadline + grace.
    static readonly TimeSpan GuardMargin = TimeSpan.FromHours(1);

    public override async Task<OwnerInputResult> RunAsync(TaskOrchestrationContext context, OwnerInputInput input)
    {
        var logger = context.CreateReplaySafeLogger<OwnerInputOrchestrator>();
        var owner = new OwnerTaskInput(input.AgreementId, input.Year, input.OwnerId);
        await context.SendInvitationAsync(owner);

        var deadline = input.DeadlineUtc;
        var reminders = input.RemindersBeforeDeadline.Where(o => o > TimeSpan.Zero).OrderByDescending(o => o).ToList();

        // A cycle started late (or an owner added late) does not send the reminders whose time has passed.
        var remindersSent = reminders.Count(o => deadline - o <= context.CurrentUtcDateTime);
        var submitted = false;
        var submission = context.WaitFor<ResponseSubmittedEvent>();
        var extension = context.WaitFor<DeadlineExtendedEvent>();
        var closing = context.WaitFor<CycleClosingEvent>();

        while (true)
        {
            var nextReminder = submitted || remindersSent >= reminders.Count ? (DateTimeOffset?)null : deadline - reminders[remindersSent];
            var guard = deadline + input.GracePeriod + GuardMargin;
            var wakeAt = nextReminder is { } r && r < guard ? r : guard;

            using var timerCancellation = new CancellationTokenSource();
            var timer = context.CreateTimer(wakeAt.UtcDateTime, timerCancellation.Token);
            var winner = await Task.WhenAny(timer, submission, extension, closing);
            if (winner != timer)
            {
                timerCancellation.Cancel();
            }

            if (winner == closing)
            {
                break;
            }

            if (winner == submission)
            {
                submitted = true;
                submission = await DebounceAsync(context, input.ReceiptDebounce);
                await context.SendReceiptAsync(new SendReceiptInput(input.AgreementId, input.Year, input.OwnerId, Revision: 0));
            }
            else if (winner == extension)
            {
                var requested = (await extension).NewDeadlineUtc;
                extension = context.WaitFor<DeadlineExtendedEvent>();
                if (requested <= deadline)
                {
                    continue;
                }

                var passed = deadline <= context.CurrentUtcDateTime;
                deadline = requested;
                logger.LogInformation("Owner {Owner}: deadline moved to {Deadline}", input.OwnerId, deadline);
                if (!submitted && passed)
                {
                    // Missing at the old deadline: told at once that there is a new one (the mail shows it).
                    remindersSent++;
                    submitted |= !await context.SendReminderAsync(new SendReminderInput(input.AgreementId, input.Year, input.OwnerId, remindersSent));
                }

                // Reminders of the new deadline that are already due are skipped, like at start.
                remindersSent = Math.Max(remindersSent, reminders.Count(o => deadline - o <= context.CurrentUtcDateTime));
            }
            else if (wakeAt == nextReminder)
            {
                remindersSent++;
                // The activity re-checks Tables: an answer stored while its event was still in flight suppresses the reminder.
                submitted |= !await context.SendReminderAsync(new SendReminderInput(input.AgreementId, input.Year, input.OwnerId, remindersSent));
            }
            else
            {
                break;
            }
        }

        // A submission whose wake-up event never arrived (the form stores first; a host killed in between loses the
        // event) still gets its receipt: the activity sends one only if the latest submission has none yet.
        var receipted = await context.SendReceiptAsync(new SendReceiptInput(input.AgreementId, input.Year, input.OwnerId, Revision: 0));
        return new OwnerInputResult(input.OwnerId, submitted || receipted > 0, remindersSent);
    }

    /// <summary>Waits out further submissions that follow within the debounce time; returns the next wait for a submission.</summary>
    static async Task<Task<ResponseSubmittedEvent>> DebounceAsync(TaskOrchestrationContext context, TimeSpan debounce)
    {
        var next = context.WaitFor<ResponseSubmittedEvent>();
        if (debounce <= TimeSpan.Zero)
        {
            return next;
        }

        using var cancellation = new CancellationTokenSource();
        var quiet = context.CreateTimer(context.CurrentUtcDateTime.Add(debounce), cancellation.Token);
        while (await Task.WhenAny(quiet, next) == next)
        {
            next = context.WaitFor<ResponseSubmittedEvent>();
        }

        return next;
    }
}
