using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Storage;

/// <summary>
/// A closed cycle's final answer per measure, stored once at close. Next year's form shows "last year" for an owner's
/// measures with one keyed read each, instead of reading last year's whole cycle; a closed cycle never changes, so
/// what was read is kept in memory.
/// </summary>
public sealed class FinalAnswerRepository(TableStore store)
{
    readonly ConcurrentDictionary<(string CycleId, string MeasureId), FinalAnswer?> cache = new();

    public async Task SaveAsync(string cycleId, IReadOnlyList<FinalAnswer> answers, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.FinalAnswers, cancellationToken);
        var actions = answers.Select(a =>
        {
            var entity = new TableEntity(cycleId, a.MeasureId) { ["OwnerId"] = a.OwnerId, ["SavedUtc"] = a.SavedUtc };
            ChunkedText.Write(entity, "Answer", DomainJson.Serialize(a.Answer));
            return new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity);
        }).ToList();
        await TableBatches.SubmitAsync(table, actions, cancellationToken);
    }

    /// <summary>The final answers of the given measures (absent ones are left out): one keyed read per measure, cached.</summary>
    public async Task<IReadOnlyList<FinalAnswer>> FindAsync(string cycleId, IEnumerable<string> measureIds, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.FinalAnswers, cancellationToken);
        var found = await Task.WhenAll(measureIds.Distinct(StringComparer.Ordinal).Select(async measureId =>
        {
            if (cache.TryGetValue((cycleId, measureId), out var cached))
            {
                return cached;
            }

            var row = await table.FindEntityAsync(cycleId, measureId, cancellationToken);
            var answer = row is not null
                ? new FinalAnswer(measureId, row.GetString("OwnerId"), row.GetDateTimeOffset("SavedUtc") ?? default, DomainJson.Deserialize<MeasureAnswer>(ChunkedText.Read(row, "Answer")))
                : null;
            if (cache.Count > 200_000)
            {
                cache.Clear();
            }

            cache[(cycleId, measureId)] = answer;
            return answer;
        }));
        return found.OfType<FinalAnswer>().ToList();
    }

    public async Task<int> DeleteCycleAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.FinalAnswers, cancellationToken);
        var actions = new List<TableTransactionAction>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == cycleId, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All));
        }

        await TableBatches.SubmitAsync(table, actions, cancellationToken);
        foreach (var key in cache.Keys.Where(k => k.CycleId == cycleId).ToList())
        {
            cache.TryRemove(key, out _);
        }

        return actions.Count;
    }
}
