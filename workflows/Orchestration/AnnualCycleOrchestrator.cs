using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>
/// One agreement's yearly follow-up. Instance id <see cref="CycleIds.CycleInstance"/>. Takes the cycle's roster, starts
/// every owner's <see cref="OwnerInputOrchestrator"/> as a top-level instance (one activity for all of them), then runs
/// two phases until it closes: <b>open</b> until the deadline (extensions move it, a close request ends it now), then
/// <b>grace</b>, when answers are still taken and an extension reopens the open phase. At the deadline the owners'
/// outcomes are read from Tables in one pass and the coordinator hears who is missing. Closing, aggregating, the
/// report and its delivery follow. Its history does not grow with the number of owners.
/// </summary>
public sealed class AnnualCycleOrchestrator : TaskOrchestrator<AnnualCycleInput, AnnualCycleResult>
{
    public override async Task<AnnualCycleResult> RunAsync(TaskOrchestrationContext context, AnnualCycleInput input)
    {
        var logger = context.CreateReplaySafeLogger<AnnualCycleOrchestrator>();
        var cycle = new CycleTaskInput(input.AgreementId, input.Year);
        try
        {
            var prepared = await context.PrepareCycleAsync(new PrepareCycleInput(input.AgreementId, input.Year, context.CurrentUtcDateTime, input.DeadlineUtc));
            var deadline = prepared.DeadlineUtc;
            if (!prepared.Closed)
            {
                await context.StartOwnerInputsAsync(new StartOwnerInputsInput(
                    input.AgreementId, input.Year, context.InstanceId, deadline, input.RemindersBeforeDeadline, input.GracePeriod, input.ReceiptDebounce));
                logger.LogInformation("Cycle {Instance}: {Count} owners started, deadline {Deadline}", context.InstanceId, prepared.OwnerCount, deadline);
                deadline = await RunUntilClosedAsync(context, input, deadline, logger);
            }

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

    /// <summary>The open and grace phases; returns the final deadline once the cycle row says Closed.</summary>
    static async Task<DateTimeOffset> RunUntilClosedAsync(TaskOrchestrationContext context, AnnualCycleInput input, DateTimeOffset deadline, ILogger logger)
    {
        var cycle = new CycleTaskInput(input.AgreementId, input.Year);
        var extension = context.WaitFor<DeadlineExtendedEvent>();
        var closeRequest = context.WaitFor<CloseRequestedEvent>();
        var closeRequested = false;
        var inGrace = false;
        var outcomesRecorded = false;

        while (true)
        {
            if (!closeRequested)
            {
                // Open phase until the deadline, grace phase until deadline + grace; the same race in both.
                var until = inGrace ? deadline + input.GracePeriod : deadline;
                using var timerCancellation = new CancellationTokenSource();
                var timer = context.CreateTimer(until.UtcDateTime, timerCancellation.Token);
                var winner = await Task.WhenAny(timer, extension, closeRequest);
                if (winner != timer)
                {
                    timerCancellation.Cancel();
                }

                if (winner == extension)
                {
                    var requested = (await extension).NewDeadlineUtc;
                    extension = context.WaitFor<DeadlineExtendedEvent>();
                    if (requested > deadline)
                    {
                        deadline = requested;
                        inGrace = false;
                        outcomesRecorded = false;
                        logger.LogInformation("Cycle {Instance}: deadline moved to {Deadline}", context.InstanceId, deadline);
                        await context.SignalOwnersAsync(new SignalOwnersInput(input.AgreementId, input.Year, deadline));
                    }

                    continue;
                }

                if (winner == closeRequest)
                {
                    closeRequested = true;
                    closeRequest = context.WaitFor<CloseRequestedEvent>();
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

            // An extension was stored as the cycle was closing: it won; its event is on the way. Reopen on the stored deadline.
            deadline = closed.DeadlineUtc;
            closeRequested = false;
            inGrace = false;
            outcomesRecorded = false;
            await context.SignalOwnersAsync(new SignalOwnersInput(input.AgreementId, input.Year, deadline));
        }

        if (!outcomesRecorded)
        {
            // Closed before its (current) deadline: the outcomes were not recorded for it.
            await context.RecordOwnerOutcomesAsync(cycle);
        }

        // Owner instances listen until the cycle closes (late answers get receipts); now they may stop.
        await context.SignalOwnersAsync(new SignalOwnersInput(input.AgreementId, input.Year, null));
        return deadline;
    }
}
