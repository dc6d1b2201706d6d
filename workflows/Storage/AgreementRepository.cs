using Azure.Data.Tables;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Storage;

/// <summary>Agreements with their focus areas; measures and owners live in their own tables, keyed by agreement.</summary>
public sealed class AgreementRepository(TableStore store, MeasureRepository measures, OwnerRepository owners)
{
    const string Partition = "agreement";

    public async Task SaveAsync(Agreement agreement, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Agreements, cancellationToken);
        await owners.ReplaceAllAsync(agreement.Id, agreement.Owners, cancellationToken);
        await measures.ReplaceAllAsync(agreement.Id, agreement.Measures, cancellationToken);

        // The header goes last: an agreement is visible only once its measures and owners are stored.
        var entity = new TableEntity(Partition, agreement.Id)
        {
            ["Title"] = agreement.Title,
            ["Municipality"] = agreement.Municipality,
            ["PoliceArea"] = agreement.PoliceArea,
            ["SignedOn"] = agreement.SignedOn.ToString("yyyy-MM-dd"),
            ["Chair"] = agreement.Chair,
            ["CitizenPromise"] = agreement.CitizenPromise,
            ["Coordinator"] = DomainJson.Serialize(agreement.Coordinator),
            ["SteeringGroup"] = DomainJson.Serialize(agreement.SteeringGroup),
            ["FocusAreas"] = DomainJson.Serialize(agreement.FocusAreas),
            ["RevisionRequests"] = DomainJson.Serialize(agreement.RevisionRequests),
            ["LastRevisedOn"] = agreement.LastRevisedOn?.ToString("yyyy-MM-dd"),
            ["Active"] = agreement.Active,
            ["Promises"] = DomainJson.Serialize(agreement.PromiseList),
            ["SituationPicture"] = agreement.SituationPicture is null ? null : DomainJson.Serialize(agreement.SituationPicture),
            ["ActionPlan"] = agreement.ActionPlan is null ? null : DomainJson.Serialize(agreement.ActionPlan),
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<Agreement?> FindAsync(string agreementId, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Agreements, cancellationToken);
        var response = await table.FindEntityAsync(Partition, agreementId, cancellationToken);
        return response is not null ? await MapAsync(response, cancellationToken) : null;
    }

    public async Task<Agreement> GetAsync(string agreementId, CancellationToken cancellationToken = default) =>
        await FindAsync(agreementId, cancellationToken) ?? throw new KeyNotFoundException($"Agreement '{agreementId}' does not exist.");

    public async Task<IReadOnlyList<Agreement>> ListAsync(CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Agreements, cancellationToken);
        var result = new List<Agreement>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            result.Add(await MapAsync(entity, cancellationToken));
        }

        return result.OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<string>> ListIdsAsync(CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Agreements, cancellationToken);
        var ids = new List<string>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            ids.Add(entity.RowKey);
        }

        return ids.Order(StringComparer.Ordinal).ToList();
    }

    async Task<Agreement> MapAsync(TableEntity e, CancellationToken cancellationToken)
    {
        var id = e.RowKey;
        return new Agreement(
            id,
            e.GetString("Title"),
            e.GetString("Municipality"),
            e.GetString("PoliceArea"),
            DateOnly.Parse(e.GetString("SignedOn"), System.Globalization.CultureInfo.InvariantCulture),
            e.GetString("Chair"),
            e.GetString("CitizenPromise") ?? string.Empty,
            DomainJson.Deserialize<Recipient>(e.GetString("Coordinator")),
            DomainJson.Deserialize<List<Recipient>>(e.GetString("SteeringGroup")),
            DomainJson.Deserialize<List<FocusArea>>(e.GetString("FocusAreas")),
            await measures.ListAsync(id, cancellationToken),
            await owners.ListAsync(id, cancellationToken),
            DomainJson.Deserialize<List<RevisionRequest>>(e.GetString("RevisionRequests") ?? "[]"),
            e.GetString("LastRevisedOn") is { Length: > 0 } revised ? DateOnly.Parse(revised, System.Globalization.CultureInfo.InvariantCulture) : null,
            e.GetBoolean("Active") ?? true,
            DomainJson.Deserialize<List<CitizenPromiseItem>>(e.GetString("Promises") ?? "[]"),
            e.GetString("SituationPicture") is { Length: > 0 } picture ? DomainJson.Deserialize<DocumentReference>(picture) : null,
            e.GetString("ActionPlan") is { Length: > 0 } plan ? DomainJson.Deserialize<DocumentReference>(plan) : null);
    }
}
