using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>
/// One agreement's yearly follow-up. Instance id <see cref="CycleIds.CycleInstance"/>. Takes the cycle's roster, invites
/// every owner (one batched activity), then runs two phases until it closes: <b>open</b> until the deadline, with a
/// reminder round to everyone still silent at each configured time (extensions move the deadline and the rounds, a close
/// request ends it now, a replacement owner is invited), then <b>grace</b>, when answers are still taken and an extension
/// reopens the open phase (owners still missing are told the new deadline at once). At the deadline the owners'
/// outcomes are read from Tables in one pass and the coordinator hears who is missing. Closing, the receipts still owed,
/// aggregating, the report and its delivery follow.
/// <para>
/// No instance per owner: every owner step is a round over the roster inside one activity, and a submission's receipt
/// is owed in Tables (written with the answer) and sent by <see cref="Mail.ReceiptSweeper"/>. The history is the same
/// size at 10 or 10,000 owners and an owner costs the durable engine nothing (bench/README.md has the measurements that
/// led here: an instance per owner made a 1,000-owner cycle take minutes). Cycles started before this orchestrator
/// existed still run under <see cref="AnnualCycleOrchestrator"/>, which stays registered for them.
/// </para>
/// </summary>
public sealed class AnnualFollowUpOrchestrator : TaskOrchestrator<AnnualCycleInput, AnnualCycleResult>
{
    public override async Task<AnnualCycleResult> RunAsync(TaskOrchestrationContext context, AnnualCycleInput input)
    {
        var logger = context.CreateReplaySafeLogger<AnnualFollowUpOrchestrator>();
        var cycle = new CycleTaskInput(input.AgreementId, input.Year);
        try
        {
            var prepared = await context.PrepareCycleAsync(new PrepareCycleInput(input.AgreementId, input.Year, context.CurrentUtcDateTime, input.DeadlineUtc));
            if (!prepared.Closed)
            {
                var invited = await context.InviteOwnersAsync(cycle);
                logger.LogInformation("Cycle {Instance}: {Invited} of {Count} owners invited, deadline {Deadline}", context.InstanceId, invited, prepared.OwnerCount, prepared.DeadlineUtc);
                await RunUntilClosedAsync(context, input, prepared.DeadlineUtc, logger);
            }

            // Late answers of the grace period get their receipt before the report goes out.
            await context.SendDueReceiptsAsync(new SendDueReceiptsInput(input.AgreementId, input.Year, DueBeforeUtc: null));
            await context.RecordFinalAnswersAsync(cycle);
            var aggregate = await context.AggregateCycleAsync(cycle);
            var blobName = await context.GenerateReportAsync(cycle);
            await context.DeliverReportAsync(new DeliverReportInput(input.AgreementId, input.Year, blobName));

            // The steering group's decision is awaited by its own instance (not a sub-orchestration: design.md §4).
            await context.StartSteeringApprovalAsync(new StartSteeringApprovalInput(input.AgreementId, input.Year));
            logger.LogInformation("Cycle {Instance}: closed, report {Blob} delivered", context.InstanceId, blobName);
            return new AnnualCycleResult(CycleIds.For(input.AgreementId, input.Year), blobName, aggregate.OwnersTotal, aggregate.OwnersAnswered);
        }
        catch (TaskFailedException e)
        {
            // Visible in the host's log and in the instance's status (Failed); the coordinator can resume the cycle.
            logger.LogError("Cycle {Instance} failed in {Task}: {Message}", context.InstanceId, e.TaskName, e.FailureDetails.ErrorMessage);
            throw;
        }
    }

    /// <summary>The open and grace phases with their reminder rounds; returns once the cycle row says Closed.</summary>
    static async Task RunUntilClosedAsync(TaskOrchestrationContext context, AnnualCycleInput input, DateTimeOffset deadline, ILogger logger)
    {
        var cycle = new CycleTaskInput(input.AgreementId, input.Year);
        var reminders = input.RemindersBeforeDeadline.Where(o => o > TimeSpan.Zero).OrderByDescending(o => o).ToList();

        // A cycle started (or resumed) late does not send the rounds whose time has passed.
        var remindersSent = Due(reminders, deadline, context.CurrentUtcDateTime);
        var extension = context.WaitFor<DeadlineExtendedEvent>();
        var closeRequest = context.WaitFor<CloseRequestedEvent>();
        var ownerAdded = context.WaitFor<OwnerAddedEvent>();
        var closeRequested = false;
        var inGrace = false;
        var outcomesRecorded = false;

        while (true)
        {
            if (!closeRequested)
            {
                // Open phase until the deadline (reminder rounds on the way), grace phase until deadline + grace.
                var phaseEnd = inGrace ? deadline + input.GracePeriod : deadline;
                DateTimeOffset? nextReminder = !inGrace && remindersSent < reminders.Count ? deadline - reminders[remindersSent] : null;
                var wakeAt = nextReminder is { } r && r < phaseEnd ? r : phaseEnd;
                using var timerCancellation = new CancellationTokenSource();
                var timer = context.CreateTimer(wakeAt.UtcDateTime, timerCancellation.Token);
                var winner = await Task.WhenAny(timer, extension, closeRequest, ownerAdded);
                if (winner != timer)
                {
                    timerCancellation.Cancel();
                }

                if (winner == ownerAdded)
                {
                    ownerAdded = context.WaitFor<OwnerAddedEvent>();
                    await context.InviteOwnersAsync(cycle);
                    continue;
                }

                if (winner == extension)
                {
                    var requested = (await extension).NewDeadlineUtc;
                    extension = context.WaitFor<DeadlineExtendedEvent>();
                    if (requested > deadline)
                    {
                        remindersSent = await MoveDeadlineAsync(context, input, reminders, remindersSent, Passed(context, deadline, inGrace), requested);
                        deadline = requested;
                        inGrace = false;
                        outcomesRecorded = false;
                        logger.LogInformation("Cycle {Instance}: deadline moved to {Deadline}", context.InstanceId, deadline);
                    }

                    continue;
                }

                if (winner == closeRequest)
                {
                    closeRequested = true;
                    closeRequest = context.WaitFor<CloseRequestedEvent>();
                }
                else if (wakeAt == nextReminder)
                {
                    remindersSent++;
                    var reminded = await context.RemindOwnersAsync(new RemindOwnersInput(input.AgreementId, input.Year, remindersSent));
                    logger.LogInformation("Cycle {Instance}: reminder {Number} sent to {Count} owners", context.InstanceId, remindersSent, reminded);
                    continue;
                }
                else if (!inGrace)
                {
                    // The deadline: outcomes from Tables in one pass, the coordinator told, then the grace period.
                    await context.RecordOwnerOutcomesAsync(cycle);
                    await context.NotifyCoordinatorAsync(cycle);
                    outcomesRecorded = true;
                    inGrace = true;
                    if (input.GracePeriod > TimeSpan.Zero)
                    {
                        continue;
                    }
                }
            }

            var closed = await context.CloseCycleAsync(new CloseCycleInput(input.AgreementId, input.Year, context.CurrentUtcDateTime, deadline));
            if (closed.Closed)
            {
                break;
            }

            // An extension was stored as the cycle was closing: it won (its event is on the way). Reopen on the stored deadline.
            remindersSent = await MoveDeadlineAsync(context, input, reminders, remindersSent, Passed(context, deadline, inGrace), closed.DeadlineUtc);
            deadline = closed.DeadlineUtc;
            closeRequested = false;
            inGrace = false;
            outcomesRecorded = false;
        }

        if (!outcomesRecorded)
        {
            // Closed before its (current) deadline: the outcomes were not recorded for it.
            await context.RecordOwnerOutcomesAsync(cycle);
        }
    }

    /// <summary>
    /// Whether the deadline has passed. In the grace period it has, whatever the clock says: the deadline's timer can
    /// fire a little early (the Azure Storage queues that carry timers count visibility in whole seconds), and an
    /// extension right after it then saw "not passed" and told nobody — the missing reminders of the grace test.
    /// </summary>
    static bool Passed(TaskOrchestrationContext context, DateTimeOffset deadline, bool inGrace) =>
        inGrace || deadline <= context.CurrentUtcDateTime;

    /// <summary>
    /// A later deadline. If the old one had passed, everyone still silent is told the new one at once (the next
    /// reminder round, whose mail shows the deadline). Rounds of the new deadline that are already due are skipped.
    /// </summary>
    /// <returns>The number of reminder rounds now counted as sent.</returns>
    static async Task<int> MoveDeadlineAsync(
        TaskOrchestrationContext context, AnnualCycleInput input, IReadOnlyList<TimeSpan> reminders, int remindersSent, bool oldDeadlinePassed, DateTimeOffset newDeadline)
    {
        if (oldDeadlinePassed)
        {
            remindersSent++;
            await context.RemindOwnersAsync(new RemindOwnersInput(input.AgreementId, input.Year, remindersSent));
        }

        return Math.Max(remindersSent, Due(reminders, newDeadline, context.CurrentUtcDateTime));
    }

    /// <summary>How many reminder rounds (offsets before the deadline, largest first) are already due at <paramref name="now"/>.</summary>
    static int Due(IReadOnlyList<TimeSpan> reminders, DateTimeOffset deadline, DateTime now) =>
        reminders.Count(o => deadline - o <= now);
}
