using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>
/// One agreement's yearly follow-up. Instance id <see cref="CycleIds.CycleInstance"/>. Starts one
/// <see cref="OwnerInputOrchestrator"/> per owner as a top-level instance (an activity starts it; the owner reports
/// back with <see cref="CycleEvents.OwnerFinished"/>), waits for the deadline while honouring extensions and early
/// close, tells the coordinator who is missing, waits out the grace period, then closes, aggregates, reports, delivers.
/// </summary>
public sealed class AnnualCycleOrchestrator : TaskOrchestrator<AnnualCycleInput, AnnualCycleResult>
{
    public override async Task<AnnualCycleResult> RunAsync(TaskOrchestrationContext context, AnnualCycleInput input)
    {
        var logger = context.CreateReplaySafeLogger<AnnualCycleOrchestrator>();
        var cycle = new CycleTaskInput(input.AgreementId, input.Year);
        var deadline = input.DeadlineUtc;

        var prepared = await context.CallActivityAsync<PrepareCycleResult>(
            nameof(PrepareCycleActivity), new PrepareCycleInput(input.AgreementId, input.Year, context.CurrentUtcDateTime, deadline), RetryPolicies.Outage);
        var owners = prepared.OwnerIds.ToList();
        await Task.WhenAll(owners.Select(ownerId => context.CallActivityAsync(
            nameof(StartOwnerInputActivity),
            new OwnerInputInput(input.AgreementId, input.Year, ownerId, context.InstanceId, deadline, input.RemindersBeforeDeadline, input.GracePeriod),
            RetryPolicies.Outage)));
        logger.LogInformation("Cycle {Instance}: {Count} owners invited, deadline {Deadline}", context.InstanceId, owners.Count, deadline);

        var finished = new HashSet<string>(StringComparer.Ordinal);
        var ownerFinished = context.WaitForExternalEvent<OwnerInputResult>(CycleEvents.OwnerFinished);
        var extension = context.WaitForExternalEvent<DeadlineExtendedEvent>(CycleEvents.DeadlineExtended);
        var closeRequest = context.WaitForExternalEvent<CloseRequestedEvent>(CycleEvents.CloseRequested);
        var replacement = context.WaitForExternalEvent<OwnerReplacedEvent>(CycleEvents.OwnerReplaced);
        var closedEarly = false;

        // Until the deadline: extensions move it (and are passed on to the owners), a close request ends it now.
        while (true)
        {
            using var timerCancellation = new CancellationTokenSource();
            var timer = context.CreateTimer(deadline.UtcDateTime, timerCancellation.Token);
            var winner = await Task.WhenAny(timer, ownerFinished, extension, closeRequest, replacement);
            if (winner == timer)
            {
                break;
            }

            timerCancellation.Cancel();
            if (winner == ownerFinished)
            {
                finished.Add((await ownerFinished).OwnerId);
                ownerFinished = context.WaitForExternalEvent<OwnerInputResult>(CycleEvents.OwnerFinished);
            }
            else if (winner == extension)
            {
                var requested = (await extension).NewDeadlineUtc;
                if (requested > deadline)
                {
                    deadline = requested;
                    await context.CallActivityAsync(
                        nameof(SignalOwnersActivity),
                        new SignalOwnersInput(input.AgreementId, input.Year, owners, CycleEvents.DeadlineExtended, deadline),
                        RetryPolicies.Outage);
                }

                extension = context.WaitForExternalEvent<DeadlineExtendedEvent>(CycleEvents.DeadlineExtended);
            }
            else if (winner == replacement)
            {
                // The agreement already names the new owner; their instance starts with the current deadline, and
                // the old owner's instance (told to stop by the coordinator) is no longer waited for.
                var replaced = await replacement;
                owners.Remove(replaced.OldOwnerId);
                if (!owners.Contains(replaced.NewOwnerId))
                {
                    owners.Add(replaced.NewOwnerId);
                    await context.CallActivityAsync(
                        nameof(StartOwnerInputActivity),
                        new OwnerInputInput(input.AgreementId, input.Year, replaced.NewOwnerId, context.InstanceId, deadline, input.RemindersBeforeDeadline, input.GracePeriod),
                        RetryPolicies.Outage);
                }

                logger.LogInformation("Cycle {Instance}: owner {Old} replaced by {New}", context.InstanceId, replaced.OldOwnerId, replaced.NewOwnerId);
                replacement = context.WaitForExternalEvent<OwnerReplacedEvent>(CycleEvents.OwnerReplaced);
            }
            else
            {
                closedEarly = true;
                await context.CallActivityAsync(
                    nameof(SignalOwnersActivity), new SignalOwnersInput(input.AgreementId, input.Year, owners, CycleEvents.CycleClosing, null), RetryPolicies.Outage);
                break;
            }
        }

        // Give the owner instances a moment to record their outcomes; Tables stay the truth if one is late.
        using (var settleCancellation = new CancellationTokenSource())
        {
            var settled = context.CreateTimer(context.CurrentUtcDateTime.Add(input.OwnerSettleTime), settleCancellation.Token);
            while (owners.Any(o => !finished.Contains(o)))
            {
                var winner = await Task.WhenAny(settled, ownerFinished);
                if (winner == settled)
                {
                    logger.LogWarning("Cycle {Instance}: {Count} owner instances did not report in time", context.InstanceId, owners.Count(o => !finished.Contains(o)));
                    break;
                }

                finished.Add((await ownerFinished).OwnerId);
                ownerFinished = context.WaitForExternalEvent<OwnerInputResult>(CycleEvents.OwnerFinished);
            }

            if (!settled.IsCompleted)
            {
                settleCancellation.Cancel();
            }
        }

        await context.CallActivityAsync(nameof(NotifyCoordinatorActivity), cycle, RetryPolicies.Outage);

        if (!closedEarly && input.GracePeriod > TimeSpan.Zero)
        {
            using var graceCancellation = new CancellationTokenSource();
            var grace = context.CreateTimer(context.CurrentUtcDateTime.Add(input.GracePeriod), graceCancellation.Token);
            if (await Task.WhenAny(grace, closeRequest) != grace)
            {
                graceCancellation.Cancel();
            }

            // Owner instances listen through the grace period to send receipts for late answers; now they may stop.
            await context.CallActivityAsync(
                nameof(SignalOwnersActivity), new SignalOwnersInput(input.AgreementId, input.Year, owners, CycleEvents.CycleClosing, null), RetryPolicies.Outage);
        }

        await context.CallActivityAsync(nameof(CloseCycleActivity), new CloseCycleInput(input.AgreementId, input.Year, context.CurrentUtcDateTime), RetryPolicies.Outage);
        var aggregate = await context.CallActivityAsync<AggregateCycleResult>(nameof(AggregateCycleActivity), cycle, RetryPolicies.Outage);
        var blobName = await context.CallActivityAsync<string>(nameof(GenerateReportActivity), cycle, RetryPolicies.Outage);
        await context.CallActivityAsync(nameof(DeliverReportActivity), new DeliverReportInput(input.AgreementId, input.Year, blobName), RetryPolicies.Outage);

        logger.LogInformation("Cycle {Instance}: closed, report {Blob} delivered", context.InstanceId, blobName);
        return new AnnualCycleResult(CycleIds.For(input.AgreementId, input.Year), blobName, aggregate.OwnersTotal, aggregate.OwnersAnswered, aggregate.MissingOwnerIds);
    }
}
