using Azure;
using Azure.Data.Tables;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Storage;

/// <summary>
/// Owners' answers. Every save is a new revision row (insert, never overwrite), so nothing accepted is ever lost;
/// one cycle's revisions share a partition.
/// </summary>
public sealed class ResponseRepository(TableStore store)
{
    /// <summary>Stores the answers as the owner's next revision and returns it.</summary>
    public async Task<OwnerResponse> AppendAsync(
        string cycleId, string ownerId, ResponseKind kind, DateTimeOffset savedUtc, IReadOnlyList<MeasureAnswer> answers, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Responses, cancellationToken);
        int revision = await LatestRevisionAsync(table, cycleId, ownerId, cancellationToken) + 1;
        var json = DomainJson.Serialize(answers);
        for (int attempt = 0; ; attempt++)
        {
            var entity = new TableEntity(cycleId, RowKey(ownerId, revision))
            {
                ["OwnerId"] = ownerId,
                ["Revision"] = revision,
                ["Kind"] = kind.ToString(),
                ["SavedUtc"] = savedUtc,
            };
            ChunkedText.Write(entity, "Answers", json);
            try
            {
                await table.AddEntityAsync(entity, cancellationToken);
                return new OwnerResponse(cycleId, ownerId, revision, kind, savedUtc, answers);
            }
            catch (RequestFailedException e) when (e.Status == 409 && attempt < 20)
            {
                // Two saves raced for the same revision number: take the next one rather than overwrite.
                revision++;
            }
        }
    }

    public async Task<IReadOnlyList<OwnerResponse>> ListRevisionsAsync(string cycleId, string ownerId, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Responses, cancellationToken);
        string from = RowKey(ownerId, 0), to = RowKey(ownerId, 999_999);
        var result = new List<OwnerResponse>();
        await foreach (var e in table.QueryAsync<TableEntity>(
            e => e.PartitionKey == cycleId && e.RowKey.CompareTo(from) >= 0 && e.RowKey.CompareTo(to) <= 0, cancellationToken: cancellationToken))
        {
            result.Add(Map(e));
        }

        return result.OrderBy(r => r.Revision).ToList();
    }

    /// <summary>The owner's newest revision of any kind (drafts included): what the form shows.</summary>
    public async Task<OwnerResponse?> LatestAsync(string cycleId, string ownerId, CancellationToken cancellationToken = default)
    {
        var revisions = await ListRevisionsAsync(cycleId, ownerId, cancellationToken);
        return revisions.Count == 0 ? null : revisions[^1];
    }

    /// <summary>The latest submitted revision per owner in the cycle: the answers that count.</summary>
    public async Task<IReadOnlyList<OwnerResponse>> LatestSubmittedAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Responses, cancellationToken);
        var latest = new Dictionary<string, OwnerResponse>(StringComparer.Ordinal);
        await foreach (var e in table.QueryAsync<TableEntity>(
            e => e.PartitionKey == cycleId && e.GetString("Kind") == nameof(ResponseKind.Submitted), cancellationToken: cancellationToken))
        {
            var r = Map(e);
            if (!latest.TryGetValue(r.OwnerId, out var existing) || existing.Revision < r.Revision)
            {
                latest[r.OwnerId] = r;
            }
        }

        return latest.Values.OrderBy(r => r.OwnerId, StringComparer.Ordinal).ToList();
    }

    public async Task<int> DeleteCycleAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Responses, cancellationToken);
        var actions = new List<TableTransactionAction>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == cycleId, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All));
        }

        await TableBatches.SubmitAsync(table, actions, cancellationToken);
        return actions.Count;
    }

    static async Task<int> LatestRevisionAsync(TableClient table, string cycleId, string ownerId, CancellationToken cancellationToken)
    {
        string from = RowKey(ownerId, 0), to = RowKey(ownerId, 999_999);
        int latest = 0;
        await foreach (var e in table.QueryAsync<TableEntity>(
            e => e.PartitionKey == cycleId && e.RowKey.CompareTo(from) >= 0 && e.RowKey.CompareTo(to) <= 0, select: ["Revision"], cancellationToken: cancellationToken))
        {
            latest = Math.Max(latest, e.GetInt32("Revision") ?? 0);
        }

        return latest;
    }

    static string RowKey(string ownerId, int revision) => $"{ownerId}|{revision:D6}";

    static OwnerResponse Map(TableEntity e) => new(
        e.PartitionKey,
        e.GetString("OwnerId"),
        e.GetInt32("Revision") ?? 0,
        Enum.Parse<ResponseKind>(e.GetString("Kind")),
        e.GetDateTimeOffset("SavedUtc") ?? DateTimeOffset.MinValue,
        DomainJson.Deserialize<List<MeasureAnswer>>(ChunkedText.Read(e, "Answers")));
}
