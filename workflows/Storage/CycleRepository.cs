using Azure;
using Azure.Data.Tables;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Storage;

public sealed class CycleRepository(TableStore store)
{
    /// <summary>Creates the cycle if it does not exist yet; returns the stored one either way.</summary>
    public async Task<Cycle> EnsureAsync(Cycle cycle, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Cycles, cancellationToken);
        try
        {
            await table.AddEntityAsync(ToEntity(cycle), cancellationToken);
            return cycle;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return (await FindAsync(cycle.AgreementId, cycle.Year, cancellationToken))!;
        }
    }

    public async Task SaveAsync(Cycle cycle, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Cycles, cancellationToken);
        await table.UpsertEntityAsync(ToEntity(cycle), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<Cycle?> FindAsync(string agreementId, int year, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Cycles, cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(agreementId, Key(year), cancellationToken: cancellationToken);
        return response.HasValue ? Map(response.Value!) : null;
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

    static string Key(int year) => year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    static TableEntity ToEntity(Cycle c) => new(c.AgreementId, Key(c.Year))
    {
        ["StartedUtc"] = c.StartedUtc,
        ["DeadlineUtc"] = c.DeadlineUtc,
        ["State"] = c.State.ToString(),
        ["ClosedUtc"] = c.ClosedUtc,
        ["ReportBlobName"] = c.ReportBlobName,
    };

    static Cycle Map(TableEntity e) => new(
        e.PartitionKey,
        int.Parse(e.RowKey, System.Globalization.CultureInfo.InvariantCulture),
        e.GetDateTimeOffset("StartedUtc") ?? DateTimeOffset.MinValue,
        e.GetDateTimeOffset("DeadlineUtc") ?? DateTimeOffset.MinValue,
        Enum.Parse<CycleState>(e.GetString("State")),
        e.GetDateTimeOffset("ClosedUtc"),
        e.GetString("ReportBlobName"));
}
