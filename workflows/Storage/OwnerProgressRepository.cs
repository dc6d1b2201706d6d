using Azure;
using Azure.Data.Tables;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Storage;

/// <summary>Per owner and cycle: invited, reminded, draft, submitted, missing — with times.</summary>
public sealed class OwnerProgressRepository(TableStore store)
{
    public async Task<OwnerProgress> GetAsync(string cycleId, string ownerId, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.OwnerProgress, cancellationToken);
        var response = await table.FindEntityAsync(cycleId, ownerId, cancellationToken);
        return response is not null ? Map(response) : OwnerProgress.New(cycleId, ownerId);
    }

    public async Task<IReadOnlyList<OwnerProgress>> ListAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.OwnerProgress, cancellationToken);
        var result = new List<OwnerProgress>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == cycleId, cancellationToken: cancellationToken))
        {
            result.Add(Map(e));
        }

        return result.OrderBy(p => p.OwnerId, StringComparer.Ordinal).ToList();
    }

    /// <summary>Read-modify-write with optimistic concurrency: the form and the orchestration both update progress.</summary>
    public async Task<OwnerProgress> UpdateAsync(string cycleId, string ownerId, Func<OwnerProgress, OwnerProgress> change, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.OwnerProgress, cancellationToken);
        for (int attempt = 0; ; attempt++)
        {
            var existing = await table.FindEntityAsync(cycleId, ownerId, cancellationToken);
            var current = existing is not null ? Map(existing) : OwnerProgress.New(cycleId, ownerId);
            var updated = change(current);
            var entity = ToEntity(updated);
            try
            {
                if (existing is not null)
                {
                    await table.UpdateEntityAsync(entity, existing.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await table.AddEntityAsync(entity, cancellationToken);
                }

                return updated;
            }
            catch (RequestFailedException e) when ((e.Status == 412 || e.Status == 409) && attempt < 20)
            {
                // Someone else updated in between; re-read and apply the change again.
            }
        }
    }

    /// <summary>
    /// The form's record of a save: one merge of one column, no read. Only the form writes these columns, so a
    /// merge cannot lose another writer's update (the orchestration's columns are left as they are).
    /// </summary>
    public async Task RecordSaveAsync(string cycleId, string ownerId, ResponseKind kind, DateTimeOffset savedUtc, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.OwnerProgress, cancellationToken);
        var column = kind == ResponseKind.Submitted ? "SubmittedUtc" : "DraftSavedUtc";
        await table.UpsertEntityAsync(new TableEntity(cycleId, ownerId) { [column] = savedUtc }, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>
    /// Records an invitation: one merge of one column, no read. A read-modify-write elsewhere that read before this
    /// merge fails on its ETag and reads again, so nothing is lost.
    /// </summary>
    public async Task RecordInvitedAsync(string cycleId, string ownerId, DateTimeOffset invitedUtc, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.OwnerProgress, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(cycleId, ownerId) { ["InvitedUtc"] = invitedUtc }, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>Marks owners missing (or no longer missing) in batches: one call for the whole cycle at its deadline.</summary>
    public async Task SetMissingAsync(string cycleId, IReadOnlyCollection<string> missingOwnerIds, IReadOnlyCollection<string> answeredOwnerIds, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.OwnerProgress, cancellationToken);
        var actions = missingOwnerIds.Select(o => (o, true)).Concat(answeredOwnerIds.Select(o => (o, false)))
            .Select(x => new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity(cycleId, x.o) { ["ReportedMissing"] = x.Item2 }))
            .ToList();
        await TableBatches.SubmitAsync(table, actions, cancellationToken);
    }

    public async Task DeleteCycleAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.OwnerProgress, cancellationToken);
        var actions = new List<TableTransactionAction>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == cycleId, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All));
        }

        await TableBatches.SubmitAsync(table, actions, cancellationToken);
    }

    static TableEntity ToEntity(OwnerProgress p) => new(p.CycleId, p.OwnerId)
    {
        ["InvitedUtc"] = p.InvitedUtc,
        ["RemindersSent"] = p.RemindersSent,
        ["LastRemindedUtc"] = p.LastRemindedUtc,
        ["DraftSavedUtc"] = p.DraftSavedUtc,
        ["SubmittedUtc"] = p.SubmittedUtc,
        ["ReportedMissing"] = p.ReportedMissing,
        ["ReceiptRevision"] = p.ReceiptRevision,
    };

    static OwnerProgress Map(TableEntity e) => new(
        e.PartitionKey,
        e.RowKey,
        e.GetDateTimeOffset("InvitedUtc"),
        e.GetInt32("RemindersSent") ?? 0,
        e.GetDateTimeOffset("LastRemindedUtc"),
        e.GetDateTimeOffset("DraftSavedUtc"),
        e.GetDateTimeOffset("SubmittedUtc"),
        e.GetBoolean("ReportedMissing") ?? false,
        e.GetInt32("ReceiptRevision") ?? 0);
}
