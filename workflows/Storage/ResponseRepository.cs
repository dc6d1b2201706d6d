using Azure;
using Azure.Data.Tables;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Storage;

/// <summary>
/// Owners' answers. Every save is a new revision (insert, never overwrite), so nothing accepted is ever lost; one
/// cycle's revisions share a partition. Rows:
/// <list type="bullet">
/// <item><c>{owner}|{revision:D6}</c>: the revision (kind, time, first part of the answers' JSON);</item>
/// <item><c>{owner}|{revision:D6}|{part:D2}</c>: further parts, so an answer set is never limited by one entity's 1 MiB;</item>
/// <item><c>{owner}|head</c>: the latest revision numbers, so the form reads one revision instead of all of them.</item>
/// </list>
/// The revision and its head are written in one entity-group transaction: they can never disagree. Rows written
/// before the head existed (older versions) are still read: without a head the owner's revisions are listed.
/// </summary>
public sealed class ResponseRepository(TableStore store)
{
    const string HeadSuffix = "|head";

    /// <summary>Stores the answers as the owner's next revision and returns it.</summary>
    /// <param name="receiptDueUtc">For a submission: when its receipt falls due. The receipt owed is written in the same
    /// transaction (<see cref="ReceiptOutboxRepository"/>), so no crash between storing and receipting loses it.</param>
    public Task<OwnerResponse> AppendAsync(
        string cycleId, string ownerId, ResponseKind kind, DateTimeOffset savedUtc, IReadOnlyList<MeasureAnswer> answers, DateTimeOffset? receiptDueUtc = null,
        CancellationToken cancellationToken = default) =>
        AppendAsync(cycleId, headsComplete: false, ownerId, kind, savedUtc, answers, receiptDueUtc, cancellationToken);

    /// <summary>As <see cref="AppendAsync(string, string, ResponseKind, DateTimeOffset, IReadOnlyList{MeasureAnswer}, DateTimeOffset?, CancellationToken)"/>, in a cycle already read.</summary>
    public Task<OwnerResponse> AppendAsync(
        Cycle cycle, string ownerId, ResponseKind kind, DateTimeOffset savedUtc, IReadOnlyList<MeasureAnswer> answers, DateTimeOffset? receiptDueUtc = null,
        CancellationToken cancellationToken = default) =>
        AppendAsync(cycle.Id, cycle.RevisionHeadsComplete, ownerId, kind, savedUtc, answers, receiptDueUtc, cancellationToken);

    async Task<OwnerResponse> AppendAsync(
        string cycleId, bool headsComplete, string ownerId, ResponseKind kind, DateTimeOffset savedUtc, IReadOnlyList<MeasureAnswer> answers, DateTimeOffset? receiptDueUtc,
        CancellationToken cancellationToken)
    {
        var table = await store.GetAsync(TableNames.Responses, cancellationToken);
        var json = DomainJson.Serialize(answers);
        for (int attempt = 0; ; attempt++)
        {
            var head = await ReadHeadAsync(table, cycleId, ownerId, headsComplete, cancellationToken);
            int revision = head.LatestRevision + 1;
            var actions = RevisionRows(cycleId, ownerId, revision, kind, savedUtc, json)
                .Select(e => new TableTransactionAction(TableTransactionActionType.Add, e))
                .ToList();
            var newHead = new TableEntity(cycleId, ownerId + HeadSuffix)
            {
                ["LatestRevision"] = revision,
                ["LatestSubmittedRevision"] = kind == ResponseKind.Submitted ? revision : head.LatestSubmittedRevision,
                ["SavedUtc"] = savedUtc,
            };
            actions.Add(head.ETag is { } etag
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, newHead, etag)
                : new TableTransactionAction(TableTransactionActionType.Add, newHead));
            if (kind == ResponseKind.Submitted && receiptDueUtc is { } due)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, ReceiptOutboxRepository.Row(cycleId, ownerId, revision, due)));
            }

            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                return new OwnerResponse(cycleId, ownerId, revision, kind, savedUtc, answers);
            }
            catch (TableTransactionFailedException e) when ((e.Status is 409 or 412) && attempt < 20)
            {
                // Another save of the same owner won the race for this revision number: take the next one, never overwrite.
            }
        }
    }

    /// <summary>The owner's newest revision of any kind (drafts included): what the form shows. Two keyed reads.</summary>
    public Task<OwnerResponse?> LatestAsync(Cycle cycle, string ownerId, CancellationToken cancellationToken = default) =>
        LatestAsync(cycle.Id, cycle.RevisionHeadsComplete, ownerId, cancellationToken);

    /// <summary>As <see cref="LatestAsync(Cycle, string, CancellationToken)"/>, when the cycle row has not been read.</summary>
    public Task<OwnerResponse?> LatestAsync(string cycleId, string ownerId, CancellationToken cancellationToken = default) =>
        LatestAsync(cycleId, headsComplete: false, ownerId, cancellationToken);

    async Task<OwnerResponse?> LatestAsync(string cycleId, bool headsComplete, string ownerId, CancellationToken cancellationToken)
    {
        var table = await store.GetAsync(TableNames.Responses, cancellationToken);
        var head = await ReadHeadAsync(table, cycleId, ownerId, headsComplete, cancellationToken);
        return head.LatestRevision == 0 ? null : await ReadRevisionAsync(table, cycleId, ownerId, head.LatestRevision, cancellationToken);
    }

    /// <summary>The owner's newest submitted revision, or null. Two keyed reads.</summary>
    public Task<OwnerResponse?> LatestSubmittedAsync(Cycle cycle, string ownerId, CancellationToken cancellationToken = default) =>
        LatestSubmittedAsync(cycle.Id, cycle.RevisionHeadsComplete, ownerId, cancellationToken);

    /// <summary>As <see cref="LatestSubmittedAsync(Cycle, string, CancellationToken)"/>, when the cycle row has not been read.</summary>
    public Task<OwnerResponse?> LatestSubmittedAsync(string cycleId, string ownerId, CancellationToken cancellationToken = default) =>
        LatestSubmittedAsync(cycleId, headsComplete: false, ownerId, cancellationToken);

    async Task<OwnerResponse?> LatestSubmittedAsync(string cycleId, bool headsComplete, string ownerId, CancellationToken cancellationToken)
    {
        var table = await store.GetAsync(TableNames.Responses, cancellationToken);
        var head = await ReadHeadAsync(table, cycleId, ownerId, headsComplete, cancellationToken);
        return head.LatestSubmittedRevision == 0 ? null : await ReadRevisionAsync(table, cycleId, ownerId, head.LatestSubmittedRevision, cancellationToken);
    }

    /// <summary>Latest and latest submitted revision numbers (0 when none).</summary>
    public Task<(int Latest, int LatestSubmitted)> RevisionNumbersAsync(Cycle cycle, string ownerId, CancellationToken cancellationToken = default) =>
        RevisionNumbersAsync(cycle.Id, cycle.RevisionHeadsComplete, ownerId, cancellationToken);

    /// <summary>As <see cref="RevisionNumbersAsync(Cycle, string, CancellationToken)"/>, when the cycle row has not been read.</summary>
    public Task<(int Latest, int LatestSubmitted)> RevisionNumbersAsync(string cycleId, string ownerId, CancellationToken cancellationToken = default) =>
        RevisionNumbersAsync(cycleId, headsComplete: false, ownerId, cancellationToken);

    async Task<(int Latest, int LatestSubmitted)> RevisionNumbersAsync(string cycleId, bool headsComplete, string ownerId, CancellationToken cancellationToken)
    {
        var table = await store.GetAsync(TableNames.Responses, cancellationToken);
        var head = await ReadHeadAsync(table, cycleId, ownerId, headsComplete, cancellationToken);
        return (head.LatestRevision, head.LatestSubmittedRevision);
    }

    public async Task<OwnerResponse?> GetRevisionAsync(string cycleId, string ownerId, int revision, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Responses, cancellationToken);
        return await ReadRevisionAsync(table, cycleId, ownerId, revision, cancellationToken);
    }

    public async Task<IReadOnlyList<OwnerResponse>> ListRevisionsAsync(string cycleId, string ownerId, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Responses, cancellationToken);
        string from = RowKey(ownerId, 0), to = RowKey(ownerId, 999_999) + "|~";
        var rows = new List<TableEntity>();
        await foreach (var e in table.QueryAsync<TableEntity>(
            e => e.PartitionKey == cycleId && e.RowKey.CompareTo(from) >= 0 && e.RowKey.CompareTo(to) <= 0, cancellationToken: cancellationToken))
        {
            rows.Add(e);
        }

        return Assemble(rows).OrderBy(r => r.Revision).ToList();
    }

    /// <summary>The latest submitted revision per owner in the cycle (replaced owners included): the answers that count.</summary>
    public async Task<IReadOnlyList<OwnerResponse>> LatestSubmittedAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Responses, cancellationToken);
        var latest = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (var e in table.QueryAsync<TableEntity>(
            e => e.PartitionKey == cycleId && e.GetString("Kind") == nameof(ResponseKind.Submitted), cancellationToken: cancellationToken))
        {
            var ownerId = e.GetString("OwnerId");
            if (!latest.TryGetValue(ownerId, out var existing) || (existing.GetInt32("Revision") ?? 0) < (e.GetInt32("Revision") ?? 0))
            {
                latest[ownerId] = e;
            }
        }

        var result = new List<OwnerResponse>();
        foreach (var (ownerId, e) in latest.OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            result.Add((e.GetInt32("Parts") ?? 1) > 1
                ? (await ReadRevisionAsync(table, cycleId, ownerId, e.GetInt32("Revision") ?? 0, cancellationToken))!
                : Assemble([e]).Single());
        }

        return result;
    }

    /// <summary>
    /// Writes the head row of every owner whose revisions an older version stored without one (migration). A head a
    /// save wrote meanwhile is kept: the save counted the same rows and more.
    /// </summary>
    public async Task WriteMissingHeadsAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Responses, cancellationToken);
        var heads = new HashSet<string>(StringComparer.Ordinal);
        var counted = new Dictionary<string, (int Latest, int LatestSubmitted, DateTimeOffset SavedUtc)>(StringComparer.Ordinal);
        await foreach (var e in table.QueryAsync<TableEntity>(
            e => e.PartitionKey == cycleId, select: ["RowKey", "OwnerId", "Revision", "Kind", "SavedUtc"], cancellationToken: cancellationToken))
        {
            if (e.RowKey.EndsWith(HeadSuffix, StringComparison.Ordinal))
            {
                heads.Add(e.RowKey[..^HeadSuffix.Length]);
                continue;
            }

            if (e.GetString("Kind") is not { } kind || e.GetString("OwnerId") is not { } ownerId)
            {
                continue; // a revision's continuation part, or a receipt owed
            }

            var revision = e.GetInt32("Revision") ?? 0;
            var (latest, latestSubmitted, savedUtc) = counted.GetValueOrDefault(ownerId);
            counted[ownerId] = (
                Math.Max(latest, revision),
                kind == nameof(ResponseKind.Submitted) ? Math.Max(latestSubmitted, revision) : latestSubmitted,
                revision > latest ? e.GetDateTimeOffset("SavedUtc") ?? savedUtc : savedUtc);
        }

        foreach (var (ownerId, head) in counted.Where(c => !heads.Contains(c.Key)))
        {
            try
            {
                await table.AddEntityAsync(
                    new TableEntity(cycleId, ownerId + HeadSuffix)
                    {
                        ["LatestRevision"] = head.Latest,
                        ["LatestSubmittedRevision"] = head.LatestSubmitted,
                        ["SavedUtc"] = head.SavedUtc,
                    },
                    cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
            }
        }
    }

    public async Task<int> DeleteCycleAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Responses, cancellationToken);
        var actions = new List<TableTransactionAction>();
        int revisions = 0;
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == cycleId, select: ["PartitionKey", "RowKey", "Kind"], cancellationToken: cancellationToken))
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All));
            revisions += e.GetString("Kind") is null ? 0 : 1;
        }

        await TableBatches.SubmitAsync(table, actions, cancellationToken);
        return revisions;
    }

    static IEnumerable<TableEntity> RevisionRows(string cycleId, string ownerId, int revision, ResponseKind kind, DateTimeOffset savedUtc, string json)
    {
        var pieces = ChunkedText.Pieces(json, ChunkedText.CharsPerEntity);
        for (int part = 0; part < pieces.Count; part++)
        {
            var entity = part == 0
                ? new TableEntity(cycleId, RowKey(ownerId, revision))
                {
                    ["OwnerId"] = ownerId,
                    ["Revision"] = revision,
                    ["Kind"] = kind.ToString(),
                    ["SavedUtc"] = savedUtc,
                    ["Parts"] = pieces.Count,
                }
                : new TableEntity(cycleId, $"{RowKey(ownerId, revision)}|{part:D2}");
            ChunkedText.Write(entity, "Answers", pieces[part]);
            yield return entity;
        }
    }

    /// <summary>
    /// One revision by key: its row, then its further parts, if any, by key too. No query: in Azurite every query scans
    /// the whole table, and this runs on every form GET of an owner who saved before.
    /// </summary>
    static async Task<OwnerResponse?> ReadRevisionAsync(TableClient table, string cycleId, string ownerId, int revision, CancellationToken cancellationToken)
    {
        var key = RowKey(ownerId, revision);
        if (await table.FindEntityAsync(cycleId, key, cancellationToken) is not { } main)
        {
            return null;
        }

        // Rows older versions wrote are one row without a count.
        var parts = main.GetInt32("Parts") ?? 1;
        var rows = new List<TableEntity>(parts) { main };
        for (var part = 1; part < parts; part++)
        {
            rows.Add(await table.FindEntityAsync(cycleId, $"{key}|{part:D2}", cancellationToken)
                ?? throw new InvalidOperationException($"Part {part} of {parts} of revision {revision} of {ownerId} in {cycleId} is missing."));
        }

        return Assemble(rows).SingleOrDefault();
    }

    /// <summary>Joins revision rows with their parts (rows arrive in key order: a revision, then its parts).</summary>
    static IEnumerable<OwnerResponse> Assemble(IReadOnlyList<TableEntity> rows)
    {
        foreach (var main in rows.Where(r => r.GetString("Kind") is not null))
        {
            var json = string.Concat(new[] { ChunkedText.Read(main, "Answers") }.Concat(
                rows.Where(r => r.GetString("Kind") is null && r.RowKey.StartsWith(main.RowKey + "|", StringComparison.Ordinal))
                    .OrderBy(r => r.RowKey, StringComparer.Ordinal)
                    .Select(r => ChunkedText.Read(r, "Answers"))));
            yield return new OwnerResponse(
                main.PartitionKey,
                main.GetString("OwnerId"),
                main.GetInt32("Revision") ?? 0,
                Enum.Parse<ResponseKind>(main.GetString("Kind")),
                main.GetDateTimeOffset("SavedUtc") ?? DateTimeOffset.MinValue,
                DomainJson.Deserialize<List<MeasureAnswer>>(json));
        }
    }

    /// <summary>
    /// The head row. Without one, in a cycle whose heads may be incomplete, rows stored before heads existed are
    /// counted instead (and the next save writes the head). That count is a range query: cheap in Azure, but a scan of
    /// the whole table in Azurite, so owner steps in cycles with complete heads (<see cref="Cycle.RevisionHeadsComplete"/>) skip it.
    /// </summary>
    static async Task<Head> ReadHeadAsync(TableClient table, string cycleId, string ownerId, bool headsComplete, CancellationToken cancellationToken)
    {
        // A missing table throws here (a storage fault), so "no head" below really means no head.
        if (await table.FindEntityAsync(cycleId, ownerId + HeadSuffix, cancellationToken) is { } h)
        {
            return new Head(h.GetInt32("LatestRevision") ?? 0, h.GetInt32("LatestSubmittedRevision") ?? 0, h.ETag);
        }

        if (headsComplete)
        {
            return new Head(0, 0, null);
        }

        string from = RowKey(ownerId, 0), to = RowKey(ownerId, 999_999);
        int latest = 0, latestSubmitted = 0;
        await foreach (var e in table.QueryAsync<TableEntity>(
            e => e.PartitionKey == cycleId && e.RowKey.CompareTo(from) >= 0 && e.RowKey.CompareTo(to) <= 0, select: ["Revision", "Kind"], cancellationToken: cancellationToken))
        {
            var revision = e.GetInt32("Revision") ?? 0;
            latest = Math.Max(latest, revision);
            if (e.GetString("Kind") == nameof(ResponseKind.Submitted))
            {
                latestSubmitted = Math.Max(latestSubmitted, revision);
            }
        }

        return new Head(latest, latestSubmitted, null);
    }

    static string RowKey(string ownerId, int revision) => $"{ownerId}|{revision:D6}";

    sealed record Head(int LatestRevision, int LatestSubmittedRevision, ETag? ETag);
}
