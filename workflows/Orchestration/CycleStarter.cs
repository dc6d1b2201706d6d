using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>Starts cycles: from the timer (every active agreement) or by hand. A cycle that exists is left alone.</summary>
public sealed class CycleStarter(AgreementRepository agreements, IOptions<CycleScheduleOptions> schedule, TimeProvider time)
{
    public AnnualCycleInput InputFor(string agreementId, int year, DateTimeOffset? deadlineUtc = null)
    {
        var s = schedule.Value;
        return new AnnualCycleInput(
            agreementId, year, deadlineUtc ?? time.GetUtcNow().Add(s.DeadlineAfterStart), s.EffectiveReminders.ToList(), s.GracePeriod, s.OwnerSettleTime, s.ReceiptDebounce);
    }

    /// <summary>Starts the cycle unless its instance exists. Returns the instance id and whether this call started it.</summary>
    public async Task<(string InstanceId, bool Started)> StartAsync(DurableTaskClient client, AnnualCycleInput input, CancellationToken cancellationToken = default)
    {
        var instanceId = CycleIds.CycleInstance(input.AgreementId, input.Year);
        _ = await agreements.GetAsync(input.AgreementId, cancellationToken);
        var started = await OrchestrationStarter.StartIfNewAsync(client, nameof(AnnualFollowUpOrchestrator), instanceId, input, cancellationToken);
        return (instanceId, started);
    }

    /// <summary>The timer's job: one cycle per active agreement for the year just ended; one failing never blocks another.</summary>
    public async Task<IReadOnlyList<string>> StartAllAsync(DurableTaskClient client, CancellationToken cancellationToken = default)
    {
        var year = time.GetUtcNow().Year - 1;
        var outcomes = new List<string>();
        // Each agreement is loaded on its own, so one unreadable agreement fails alone.
        foreach (var agreementId in await agreements.ListIdsAsync(cancellationToken))
        {
            try
            {
                if (!(await agreements.GetAsync(agreementId, cancellationToken)).Active)
                {
                    continue;
                }

                var (id, started) = await StartAsync(client, InputFor(agreementId, year), cancellationToken);
                outcomes.Add(started ? $"{id}: started" : $"{id}: already exists, left alone");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                outcomes.Add($"{CycleIds.CycleInstance(agreementId, year)}: failed: {e.Message}");
            }
        }

        return outcomes;
    }
}
