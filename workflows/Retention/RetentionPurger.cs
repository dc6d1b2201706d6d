using Azure;
using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Retention;

/// <summary>
/// Gallring: for every cycle closed longer ago than the retention period, deletes owners' answers (personal data and
/// free text), final answers, the cycle's roster (names, addresses), progress rows, link tokens, the cycle's audit
/// entries (they name owners) and its archived reports. Aggregates (<see cref="TableNames.Aggregates"/>) are kept, so later
/// reports still show the trend — as counts: owner ids (which are derived from names and addresses) are removed from
/// them, also from aggregates stored before they were left out. Given the durable client, it also purges the cycle's
/// orchestration histories: their instance ids and inputs name owners. Safe to run twice.
/// </summary>
public sealed class RetentionPurger(
    AgreementRepository agreements,
    CycleRepository cycles,
    ResponseRepository responses,
    OwnerProgressRepository progress,
    CycleRosterRepository rosters,
    FinalAnswerRepository finalAnswers,
    AggregateRepository aggregates,
    AuditRepository audit,
    ReportArchive archive,
    MailEventRepository mailEvents,
    ReturnRoundRepository returnRounds,
    TableStore store,
    IOptions<RetentionOptions> options,
    TimeProvider time)
{
    public async Task<PurgeResult> PurgeAsync(DateTimeOffset? nowUtc = null, CancellationToken cancellationToken = default) =>
        await PurgeAsync(null, nowUtc, cancellationToken);

    public async Task<PurgeResult> PurgeAsync(DurableTaskClient? client, DateTimeOffset? nowUtc = null, CancellationToken cancellationToken = default)
    {
        var cutoff = (nowUtc ?? time.GetUtcNow()) - options.Value.Period;
        var purged = new List<string>();
        int responseCount = 0, progressCount = 0, tokenCount = 0, instanceCount = 0, reportCount = 0;
        foreach (var agreementId in (await cycles.ListAllAsync(cancellationToken)).Select(c => c.AgreementId).Distinct(StringComparer.Ordinal))
        {
            var agreement = await agreements.FindAsync(agreementId, cancellationToken);
            var purgedYears = new HashSet<int>();
            foreach (var cycle in await cycles.ListAsync(agreementId, cancellationToken))
            {
                if (cycle.State != CycleState.Closed || cycle.ClosedUtc is not { } closed || closed >= cutoff)
                {
                    continue;
                }

                var progressRows = await progress.ListAsync(cycle.Id, cancellationToken);
                var rows = progressRows.Count;
                var roster = await rosters.FindAsync(cycle.Id, cancellationToken);
                if (client is not null)
                {
                    var ownerIds = progressRows.Select(p => p.OwnerId)
                        .Concat(roster?.Owners.Select(o => o.Owner.Id) ?? [])
                        .Concat(agreement?.Owners.Select(o => o.Id) ?? [])
                        .Distinct(StringComparer.Ordinal);
                    instanceCount += await PurgeInstancesAsync(
                        client, [CycleIds.CycleInstance(cycle.AgreementId, cycle.Year), .. ownerIds.Select(o => CycleIds.OwnerInstance(cycle.AgreementId, cycle.Year, o))], cancellationToken);
                }

                responseCount += await responses.DeleteCycleAsync(cycle.Id, cancellationToken);
                await progress.DeleteCycleAsync(cycle.Id, cancellationToken);
                progressCount += rows;
                tokenCount += await DeleteTokensAsync(cycle, cancellationToken);
                await finalAnswers.DeleteCycleAsync(cycle.Id, cancellationToken);
                await mailEvents.DeleteCycleAsync(cycle.AgreementId, cycle.Year, cancellationToken);
                await audit.DeleteCycleAsync(cycle.AgreementId, cycle.Year, cancellationToken);
                reportCount += await archive.DeleteCycleAsync(cycle.AgreementId, cycle.Year, cancellationToken);
                await rosters.DeleteCycleAsync(cycle.Id, cancellationToken);
                await returnRounds.DeleteAsync(cycle.AgreementId, cycle.Year, cancellationToken);
                purged.Add(cycle.Id);
                purgedYears.Add(cycle.Year);
            }

            // Aggregates stored before they left owner ids out still carry them: keep the counts, drop the ids.
            foreach (var aggregate in await aggregates.ListAsync(agreementId, cancellationToken))
            {
                if (aggregate.MissingOwnerIds.Count > 0 && purgedYears.Contains(aggregate.Year))
                {
                    await aggregates.SaveAsync(aggregate, cancellationToken);
                }
            }
        }

        return new PurgeResult(purged, responseCount, progressCount, tokenCount, instanceCount, reportCount);
    }

    static async Task<int> PurgeInstancesAsync(DurableTaskClient client, IEnumerable<string> instanceIds, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var id in instanceIds)
        {
            if (await client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken) is { IsCompleted: true })
            {
                count += (await client.PurgeInstanceAsync(id, cancellation: cancellationToken)).PurgedInstanceCount;
            }
        }

        return count;
    }

    // Tokens are keyed by hash (one partition each), so they are found by their cycle columns and deleted one by one.
    async Task<int> DeleteTokensAsync(Cycle cycle, CancellationToken cancellationToken)
    {
        var table = await store.GetAsync(TableNames.Tokens, cancellationToken);
        var count = 0;
        await foreach (var e in table.QueryAsync<TableEntity>(
            e => e.GetString("AgreementId") == cycle.AgreementId && e.GetInt32("Year") == cycle.Year, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await table.DeleteEntityAsync(e.PartitionKey, e.RowKey, ETag.All, cancellationToken);
            count++;
        }

        return count;
    }
}
