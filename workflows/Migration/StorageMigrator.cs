using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Orchestration;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Migration;

/// <summary>
/// Converts what an older version stored, explicitly and idempotently (a second run changes nothing). Older versions
/// kept no roster per cycle, no final answers and no revision heads, and ran orchestrations whose histories this
/// version cannot replay:
/// <list type="bullet">
/// <item>every cycle gets its roster, taken from the agreement as stored — what those cycles ran on;</item>
/// <item>closed cycles get their final answers stored (next year's form reads them by key);</item>
/// <item>open cycles started by an older version (no original deadline recorded, or still run by the legacy
/// <see cref="AnnualCycleOrchestrator"/> with an instance per owner) have their cycle and owner orchestrations
/// terminated and started again on this version (<see cref="AnnualFollowUpOrchestrator"/>) with the stored deadline. Tables hold everything
/// they did: answers stay, invitations and reminders already sent are not sent again;</item>
/// <item>stored aggregates lose the owner ids they carried (the counts stay);</item>
/// <item>answers stored without a revision head get their heads written, and the cycle is marked as having them all
/// (<see cref="Domain.Cycle.RevisionHeadsComplete"/>: owner steps then never look for revisions without a head);</item>
/// <item>link tokens and the sent-mail index move from the empty row key to their partition key
/// (<see cref="Storage.SingleRowPartitions"/>; until then they are read where they are).</item>
/// </list>
/// </summary>
public sealed class StorageMigrator(
    CycleRepository cycles,
    CycleSnapshots snapshots,
    CycleRosterRepository rosterRepository,
    FinalAnswerStore finalAnswers,
    AggregateRepository aggregates,
    ResponseRepository responses,
    TokenRepository tokens,
    MailEventRepository mailEvents,
    CycleStarter starter,
    ILogger<StorageMigrator> logger)
{
    static readonly TimeSpan TerminateWait = TimeSpan.FromSeconds(60);

    public async Task<MigrationResult> MigrateAsync(DurableTaskClient client, CancellationToken cancellationToken = default)
    {
        int taken = 0, answers = 0, restarted = 0, cleaned = 0, headed = 0;
        var all = await cycles.ListAllAsync(cancellationToken);
        foreach (var cycle in all)
        {
            if (await rosterRepository.FindHeaderAsync(cycle.Id, cancellationToken) is null && await snapshots.SnapshotFromStoredAgreementAsync(cycle, cancellationToken))
            {
                taken++;
            }

            if (cycle.State == CycleState.Closed && !cycle.FinalAnswersStored && await rosterRepository.FindHeaderAsync(cycle.Id, cancellationToken) is not null)
            {
                await finalAnswers.StoreAsync(cycle, cancellationToken);
                answers++;
            }

            if (!cycle.RevisionHeadsComplete)
            {
                await responses.WriteMissingHeadsAsync(cycle.Id, cancellationToken);
                await cycles.UpdateAsync(cycle.AgreementId, cycle.Year, c => c with { RevisionHeadsComplete = true }, cancellationToken);
                headed++;
            }

            if (cycle.State == CycleState.Open && (cycle.OriginalDeadlineUtc is null || await RunsLegacyOrchestratorAsync(client, cycle, cancellationToken))
                && await RestartAsync(client, cycle, cancellationToken))
            {
                restarted++;
            }
        }

        foreach (var agreementId in all.Select(c => c.AgreementId).Distinct(StringComparer.Ordinal))
        {
            foreach (var aggregate in await aggregates.ListAsync(agreementId, cancellationToken))
            {
                if (aggregate.MissingOwnerIds.Count > 0)
                {
                    await aggregates.SaveAsync(aggregate, cancellationToken);
                    cleaned++;
                }
            }
        }

        var rekeyed = await tokens.ConvertLegacyKeysAsync(cancellationToken) + await mailEvents.ConvertLegacyKeysAsync(cancellationToken);
        var result = new MigrationResult(taken, answers, restarted, cleaned, rekeyed, headed);
        if (result.ChangedAnything)
        {
            logger.LogWarning(
                "Storage migrated: {Rosters} rosters taken, {Answers} cycles' final answers stored, {Restarted} open cycles restarted on this version, {Cleaned} aggregates without owner ids, {Rekeyed} token and mail rows re-keyed, {Headed} cycles given revision heads",
                taken, answers, restarted, cleaned, rekeyed, headed);
        }

        return result;
    }

    /// <summary>An open cycle still run by the orchestrator of an instance per owner (it keeps working; restarted, it costs the engine far less).</summary>
    static async Task<bool> RunsLegacyOrchestratorAsync(DurableTaskClient client, Cycle cycle, CancellationToken cancellationToken) =>
        await client.GetInstanceAsync(CycleIds.CycleInstance(cycle.AgreementId, cycle.Year), getInputsAndOutputs: false, cancellationToken)
            is { IsCompleted: false } instance && LegacyCycle.RunsOn(instance);

    async Task<bool> RestartAsync(DurableTaskClient client, Cycle cycle, CancellationToken cancellationToken)
    {
        var instanceId = CycleIds.CycleInstance(cycle.AgreementId, cycle.Year);
        var owners = await rosterRepository.ListActiveOwnerIdsAsync(cycle.Id, cancellationToken);
        foreach (var id in owners.Select(o => CycleIds.OwnerInstance(cycle.AgreementId, cycle.Year, o)).Prepend(instanceId))
        {
            await StopAndPurgeAsync(client, id, cancellationToken);
        }

        await starter.StartAsync(client, starter.InputFor(cycle.AgreementId, cycle.Year, cycle.DeadlineUtc), cancellationToken);

        // The mark of a cycle run by this version: a second migration leaves it alone.
        await cycles.UpdateAsync(cycle.AgreementId, cycle.Year, c => c with { OriginalDeadlineUtc = c.OriginalDeadlineUtc ?? c.DeadlineUtc }, cancellationToken);
        return true;
    }

    static async Task StopAndPurgeAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (instance is null)
        {
            return;
        }

        if (!instance.IsCompleted)
        {
            await client.TerminateInstanceAsync(instanceId, "Restarted on a new version (storage migration)", cancellationToken);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(TerminateWait);
            await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: false, wait.Token);
        }

        await client.PurgeInstanceAsync(instanceId, cancellation: cancellationToken);
    }
}
