using Azure;
using Azure.Data.Tables;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Storage;

/// <summary>Cycle rows. Every change is a read-modify-write under the row's ETag, so two writers never undo each other.</summary>
public sealed class CycleRepository(TableStore store)
{
    /// <summary>Creates the cycle if it does not exist yet; returns the stored one either way.</summary>
    public async Task<Cycle> EnsureAsync(Cycle cycle, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Cycles, cancellationToken);
        try
        {
            // A new cycle's revisions are all written with their heads.
            var created = cycle with { OriginalDeadlineUtc = cycle.OriginalDeadlineUtc ?? cycle.DeadlineUtc, RevisionHeadsComplete = true };
            await table.AddEntityAsync(ToEntity(created), cancellationToken);
            return created;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return (await FindAsync(cycle.AgreementId, cycle.Year, cancellationToken))!;
        }
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the stored row under its ETag, re-reading after a lost race. The change
    /// returns null to leave the row as it is (a refusal decided on the freshest state). Returns the stored result,
    /// or null when the cycle does not exist.
    /// </summary>
    public async Task<(Cycle Cycle, bool Changed)?> UpdateAsync(string agreementId, int year, Func<Cycle, Cycle?> change, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Cycles, cancellationToken);
        for (int attempt = 0; ; attempt++)
        {
            var row = await table.FindEntityAsync(agreementId, Key(year), cancellationToken);
            if (row is null)
            {
                return null;
            }

            var current = Map(row);
            var updated = change(current);
            if (updated is null || updated == current)
            {
                return (current, false);
            }

            try
            {
                await table.UpdateEntityAsync(ToEntity(updated), row.ETag, TableUpdateMode.Replace, cancellationToken);
                return (updated, true);
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < 20)
            {
                // Someone else changed the row in between: decide again on what is stored now.
            }
        }
    }

    public async Task<Cycle?> FindAsync(string agreementId, int year, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Cycles, cancellationToken);
        var response = await table.FindEntityAsync(agreementId, Key(year), cancellationToken);
        return response is not null ? Map(response) : null;
    }

    public async Task<Cycle> GetAsync(string agreementId, int year, CancellationToken cancellationToken = default) =>
        await FindAsync(agreementId, year, cancellationToken) ?? throw new KeyNotFoundException($"Cycle {agreementId} {year} does not exist.");

    public async Task<IReadOnlyList<Cycle>> ListAsync(string agreementId, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Cycles, cancellationToken);
        var result = new List<Cycle>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == agreementId, cancellationToken: cancellationToken))
        {
            result.Add(Map(e));
        }

        return result.OrderBy(c => c.Year).ToList();
    }

    /// <summary>Every cycle of every agreement (the migration and the purge walk them all).</summary>
    public async Task<IReadOnlyList<Cycle>> ListAllAsync(CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Cycles, cancellationToken);
        var result = new List<Cycle>();
        await foreach (var e in table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            result.Add(Map(e));
        }

        return result.OrderBy(c => c.AgreementId, StringComparer.Ordinal).ThenBy(c => c.Year).ToList();
    }

    static string Key(int year) => year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    static TableEntity ToEntity(Cycle c) => new(c.AgreementId, Key(c.Year))
    {
        ["StartedUtc"] = c.StartedUtc,
        ["DeadlineUtc"] = c.DeadlineUtc,
        ["State"] = c.State.ToString(),
        ["ClosedUtc"] = c.ClosedUtc,
        ["ReportBlobName"] = c.ReportBlobName,
        ["OriginalDeadlineUtc"] = c.OriginalDeadlineUtc,
        ["FinalAnswersStored"] = c.FinalAnswersStored,
        ["RevisionHeadsComplete"] = c.RevisionHeadsComplete,
    };

    static Cycle Map(TableEntity e) => new(
        e.PartitionKey,
        int.Parse(e.RowKey, System.Globalization.CultureInfo.InvariantCulture),
        e.GetDateTimeOffset("StartedUtc") ?? DateTimeOffset.MinValue,
        e.GetDateTimeOffset("DeadlineUtc") ?? DateTimeOffset.MinValue,
        Enum.Parse<CycleState>(e.GetString("State")),
        e.GetDateTimeOffset("ClosedUtc"),
        e.GetString("ReportBlobName"),
        e.GetDateTimeOffset("OriginalDeadlineUtc"),
        e.GetBoolean("FinalAnswersStored") ?? false,
        e.GetBoolean("RevisionHeadsComplete") ?? false);
}
