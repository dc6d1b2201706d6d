using Azure;
using Azure.Data.Tables;

namespace Trygghetsuppfoljning.Workflows.Storage;

/// <summary>
/// Link tokens by hash, one partition each (<see cref="SingleRowPartitions"/>). Lookups go by the SHA-256 of the
/// presented token, so the store never holds a usable link.
/// </summary>
public sealed class TokenRepository(TableStore store)
{
    public async Task AddAsync(LinkTokenRecord record, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Tokens, cancellationToken);
        await table.UpsertEntityAsync(
            new TableEntity(record.TokenHash, record.TokenHash)
            {
                ["AgreementId"] = record.AgreementId,
                ["Year"] = record.Year,
                ["OwnerId"] = record.OwnerId,
                ["IssuedUtc"] = record.IssuedUtc,
                ["RevokedUtc"] = record.RevokedUtc,
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    public async Task<LinkTokenRecord?> FindAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Tokens, cancellationToken);
        if (await SingleRowPartitions.FindAsync(table, tokenHash, cancellationToken) is not { } e)
        {
            return null;
        }

        return new LinkTokenRecord(
            e.PartitionKey, e.GetString("AgreementId"), e.GetInt32("Year") ?? 0, e.GetString("OwnerId"), e.GetDateTimeOffset("IssuedUtc") ?? default, e.GetDateTimeOffset("RevokedUtc"));
    }

    /// <summary>Kills every token of the owner in the cycle (link resent or owner replaced).</summary>
    public async Task<int> RevokeAsync(string agreementId, int year, string ownerId, DateTimeOffset nowUtc, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(TableNames.Tokens, cancellationToken);
        int count = 0;
        await foreach (var e in table.QueryAsync<TableEntity>(
            e => e.GetString("AgreementId") == agreementId && e.GetInt32("Year") == year && e.GetString("OwnerId") == ownerId, cancellationToken: cancellationToken))
        {
            if (e.GetDateTimeOffset("RevokedUtc") is null)
            {
                e["RevokedUtc"] = nowUtc;
                await table.UpdateEntityAsync(e, ETag.All, TableUpdateMode.Merge, cancellationToken);
                count++;
            }
        }

        return count;
    }

    /// <summary>Moves tokens an older version stored under the empty row key (see <see cref="SingleRowPartitions"/>).</summary>
    public async Task<int> ConvertLegacyKeysAsync(CancellationToken cancellationToken = default) =>
        await SingleRowPartitions.ConvertAsync(await store.GetAsync(TableNames.Tokens, cancellationToken), cancellationToken);
}
