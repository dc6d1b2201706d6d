using Azure.Data.Tables;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Storage;

public sealed class OwnerRepository(TableStore store)
{
    public async Task ReplaceAllAsync(string agreementId, IReadOnlyList<Owner> owners, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Owners, cancellationToken);
        var keep = owners.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var actions = owners.Select(o => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(agreementId, o))).ToList();
        await foreach (var existing in table.QueryAsync<TableEntity>(e => e.PartitionKey == agreementId, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            if (!keep.Contains(existing.RowKey))
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, existing));
            }
        }

        await TableBatches.SubmitAsync(table, actions, cancellationToken);
    }

    public async Task UpsertAsync(string agreementId, Owner owner, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Owners, cancellationToken);
        await table.UpsertEntityAsync(ToEntity(agreementId, owner), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<Owner>> ListAsync(string agreementId, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Owners, cancellationToken);
        var result = new List<Owner>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == agreementId, cancellationToken: cancellationToken))
        {
            result.Add(new Owner(
                e.RowKey,
                e.GetString("Name"),
                e.GetString("Email"),
                Enum.Parse<Organisation>(e.GetString("Organisation")),
                e.GetString("Title"),
                e.GetString("Language") ?? "sv"));
        }

        return result;
    }

    static TableEntity ToEntity(string agreementId, Owner o) => new(agreementId, o.Id)
    {
        ["Name"] = o.Name,
        ["Email"] = o.Email,
        ["Organisation"] = o.Organisation.ToString(),
        ["Title"] = o.Title,
        ["Language"] = o.Language,
    };
}
