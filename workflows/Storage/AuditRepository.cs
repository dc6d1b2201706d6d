using Azure.Data.Tables;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Storage;

/// <summary>The audit log: append-only, one partition per agreement, newest first (row keys count down).</summary>
public sealed class AuditRepository(TableStore store)
{
    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Audit, cancellationToken);
        // Inverted ticks sort newest first; the random tail keeps two entries in the same tick apart.
        var rowKey = $"{DateTimeOffset.MaxValue.UtcTicks - entry.AtUtc.UtcTicks:D19}-{Guid.NewGuid():N}";
        await table.AddEntityAsync(
            new TableEntity(entry.AgreementId, rowKey)
            {
                ["Year"] = entry.Year,
                ["AtUtc"] = entry.AtUtc,
                ["Actor"] = entry.Actor,
                ["Action"] = entry.Action,
                ["Target"] = entry.Target,
                ["Result"] = entry.Result,
                ["Message"] = entry.Message,
            },
            cancellationToken);
    }

    /// <summary>The agreement's entries, newest first; with a year, only that cycle's (and none of the agreement-wide ones).</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string agreementId, int? year = null, int max = 500, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Audit, cancellationToken);
        var result = new List<AuditEntry>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == agreementId, cancellationToken: cancellationToken))
        {
            var entry = new AuditEntry(
                e.PartitionKey,
                e.GetInt32("Year"),
                e.GetDateTimeOffset("AtUtc") ?? DateTimeOffset.MinValue,
                e.GetString("Actor") ?? string.Empty,
                e.GetString("Action") ?? string.Empty,
                e.GetString("Target"),
                e.GetInt32("Result") ?? 0,
                e.GetString("Message") ?? string.Empty);
            if (year is null || entry.Year == year)
            {
                result.Add(entry);
                if (result.Count >= max)
                {
                    break;
                }
            }
        }

        return result;
    }

    /// <summary>Purge: a cycle's entries name owners (targets); removed with the cycle's other personal data.</summary>
    public async Task<int> DeleteCycleAsync(string agreementId, int year, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Audit, cancellationToken);
        var actions = new List<TableTransactionAction>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == agreementId, select: ["PartitionKey", "RowKey", "Year"], cancellationToken: cancellationToken))
        {
            if (e.GetInt32("Year") == year)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, e, Azure.ETag.All));
            }
        }

        await TableBatches.SubmitAsync(table, actions, cancellationToken);
        return actions.Count;
    }
}
