using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Storage;

/// <summary>
/// A cycle's own roster (<see cref="CycleRoster"/>): one partition per cycle, one row per owner (with their measures)
/// and a header row holding the agreement's header as the cycle took it. The header is written last, so a roster
/// is visible only once complete, and it is written once: a later snapshot attempt never overwrites the roster.
/// </summary>
public sealed class CycleRosterRepository(TableStore store)
{
    // Owner ids are slugs ([a-z0-9-]); the header's key cannot be one.
    internal const string HeaderKey = "_header";

    // The header never changes once written, so owner steps read it once per process.
    readonly ConcurrentDictionary<string, Agreement> headers = new(StringComparer.Ordinal);

    /// <summary>Takes the snapshot unless the cycle has one. Returns true when this call wrote it.</summary>
    public async Task<bool> EnsureSnapshotAsync(string cycleId, Agreement agreement, CancellationToken cancellationToken = default)
    {
        if (await FindHeaderAsync(cycleId, cancellationToken) is not null)
        {
            return false;
        }

        var roster = CycleRoster.Snapshot(agreement);
        var table = await store.GetAsync(TableNames.CycleRoster, cancellationToken);

        // Owner rows are upserts: a retried snapshot that died half-way rewrites the same rows.
        await TableBatches.SubmitAsync(
            table, roster.Owners.Select(o => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(cycleId, o))).ToList(), cancellationToken);
        var header = new TableEntity(cycleId, HeaderKey);
        ChunkedText.Write(header, "Agreement", DomainJson.Serialize(roster.Header));
        try
        {
            await table.AddEntityAsync(header, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<Agreement?> FindHeaderAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        if (headers.TryGetValue(cycleId, out var cached))
        {
            return cached;
        }

        var table = await store.GetAsync(TableNames.CycleRoster, cancellationToken);
        var row = await table.FindEntityAsync(cycleId, HeaderKey, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var header = DomainJson.Deserialize<Agreement>(ChunkedText.Read(row, "Agreement"));
        if (headers.Count > 10_000)
        {
            headers.Clear();
        }

        headers[cycleId] = header;
        return header;
    }

    /// <summary>One owner's row: a single keyed read, whatever the size of the agreement.</summary>
    public async Task<RosterOwner?> FindOwnerAsync(string cycleId, string ownerId, CancellationToken cancellationToken = default)
    {
        if (!OwnerIds.IsValid(ownerId))
        {
            return null;
        }

        var table = await store.GetAsync(TableNames.CycleRoster, cancellationToken);
        var row = await table.FindEntityAsync(cycleId, ownerId, cancellationToken);
        return row is not null ? Map(row) : null;
    }

    /// <summary>The whole roster (report, aggregation, status): one partition read.</summary>
    public async Task<CycleRoster?> FindAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.CycleRoster, cancellationToken);
        Agreement? header = null;
        var owners = new List<RosterOwner>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == cycleId, cancellationToken: cancellationToken))
        {
            if (e.RowKey == HeaderKey)
            {
                header = DomainJson.Deserialize<Agreement>(ChunkedText.Read(e, "Agreement"));
            }
            else
            {
                owners.Add(Map(e));
            }
        }

        return header is null ? null : new CycleRoster(header, owners.OrderBy(o => o.Owner.Id, StringComparer.Ordinal).ToList());
    }

    /// <summary>Ids of the owners who answer now, in a stable order, without reading their measures.</summary>
    public async Task<IReadOnlyList<string>> ListActiveOwnerIdsAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.CycleRoster, cancellationToken);
        var ids = new List<string>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == cycleId, select: ["RowKey", "State"], cancellationToken: cancellationToken))
        {
            if (e.RowKey != HeaderKey && e.GetString("State") == nameof(RosterOwnerState.Active))
            {
                ids.Add(e.RowKey);
            }
        }

        return ids.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Writes changed owner rows in one transaction (a replacement: the old owner marked, the new one added).</summary>
    public async Task SaveOwnersAsync(string cycleId, IReadOnlyList<RosterOwner> owners, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.CycleRoster, cancellationToken);
        await table.SubmitTransactionAsync(owners.Select(o => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(cycleId, o))), cancellationToken);
    }

    public async Task<int> DeleteCycleAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.CycleRoster, cancellationToken);
        var actions = new List<TableTransactionAction>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == cycleId, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All));
        }

        await TableBatches.SubmitAsync(table, actions, cancellationToken);
        headers.TryRemove(cycleId, out _);
        return actions.Count;
    }

    static TableEntity ToEntity(string cycleId, RosterOwner o)
    {
        var entity = new TableEntity(cycleId, o.Owner.Id)
        {
            ["State"] = o.State.ToString(),
            ["Email"] = o.Owner.Email,
        };
        ChunkedText.Write(entity, "Owner", DomainJson.Serialize(o));
        return entity;
    }

    static RosterOwner Map(TableEntity e) => DomainJson.Deserialize<RosterOwner>(ChunkedText.Read(e, "Owner"));
}
