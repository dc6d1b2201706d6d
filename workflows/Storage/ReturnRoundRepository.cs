using Azure;
using Azure.Data.Tables;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Storage;

/// <summary>
/// A cycle's latest <see cref="ReturnRound"/> (table <see cref="Table"/>: PK agreement id, RK year). One keyed read
/// answers "is this owner's form open again", so a closed cycle's link costs one read more, whatever the roster size.
/// Every change is a read-modify-write under the row's ETag: opening, mailing and closing never undo each other.
/// </summary>
public sealed class ReturnRoundRepository(TableStore store)
{
    public const string Table = "ReturnRounds";

    public async Task<ReturnRound?> FindAsync(string agreementId, int year, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(Table, cancellationToken);
        var response = await table.FindEntityAsync(agreementId, Key(year), cancellationToken);
        return response is not null ? Map(response) : null;
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the stored round (null when there is none yet) under its ETag, re-reading
    /// after a lost race. The change returns null to leave things as they are. Returns what is stored afterwards.
    /// </summary>
    public async Task<(ReturnRound? Round, bool Changed)> UpdateAsync(
        string agreementId, int year, Func<ReturnRound?, ReturnRound?> change, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(Table, cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var row = await table.FindEntityAsync(agreementId, Key(year), cancellationToken);
            var current = row is not null ? Map(row) : null;
            var updated = change(current);
            if (updated is null || ReferenceEquals(updated, current))
            {
                return (current, false);
            }

            try
            {
                if (row is not null)
                {
                    await table.UpdateEntityAsync(ToEntity(updated), row.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await table.AddEntityAsync(ToEntity(updated), cancellationToken);
                }

                return (updated, true);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 20)
            {
                // Someone else wrote the row in between: decide again on what is stored now.
            }
        }
    }

    /// <summary>Removes a cycle's round (the purge: it names owners); none stored is fine.</summary>
    public async Task DeleteAsync(string agreementId, int year, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(Table, cancellationToken);
        try
        {
            await table.DeleteEntityAsync(agreementId, Key(year), ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Never reopened: nothing to remove.
        }
    }

    static string Key(int year) => year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    static TableEntity ToEntity(ReturnRound r) => new(r.AgreementId, Key(r.Year))
    {
        ["Number"] = r.Number,
        ["ReturnedOn"] = r.ReturnedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["OwnerIds"] = DomainJson.Serialize(r.OwnerIds),
        ["DeadlineUtc"] = r.DeadlineUtc,
        ["State"] = r.State.ToString(),
        ["OpenedUtc"] = r.OpenedUtc,
        ["OpenedBy"] = r.OpenedBy,
        ["MailedOwnerIds"] = DomainJson.Serialize(r.MailedOwnerIds),
        ["ClosedUtc"] = r.ClosedUtc,
    };

    static ReturnRound Map(TableEntity e) => new(
        e.PartitionKey,
        int.Parse(e.RowKey, System.Globalization.CultureInfo.InvariantCulture),
        e.GetInt32("Number") ?? 1,
        DateOnly.Parse(e.GetString("ReturnedOn"), System.Globalization.CultureInfo.InvariantCulture),
        DomainJson.Deserialize<List<string>>(e.GetString("OwnerIds") ?? "[]"),
        e.GetDateTimeOffset("DeadlineUtc") ?? DateTimeOffset.MinValue,
        Enum.Parse<ReturnRoundState>(e.GetString("State")),
        e.GetDateTimeOffset("OpenedUtc") ?? DateTimeOffset.MinValue,
        e.GetString("OpenedBy") ?? string.Empty,
        DomainJson.Deserialize<List<string>>(e.GetString("MailedOwnerIds") ?? "[]"),
        e.GetDateTimeOffset("ClosedUtc"));
}
