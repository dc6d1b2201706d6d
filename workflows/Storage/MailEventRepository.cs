using Azure;
using Azure.Data.Tables;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Storage;

/// <summary>
/// What became of the mail the product sent, per cycle (newest first), and an index from Message-ID to the cycle and
/// owner a mail concerned, so a non-delivery report arriving days later finds its owner (one partition per Message-ID,
/// <see cref="SingleRowPartitions"/>).
/// </summary>
public sealed class MailEventRepository(TableStore store)
{
    public async Task AppendAsync(MailEvent e, CancellationToken cancellationToken = default)
    {
        var events = await store.GetAsync(TableNames.MailEvents, cancellationToken);
        var rowKey = $"{DateTimeOffset.MaxValue.UtcTicks - e.AtUtc.UtcTicks:D19}-{Guid.NewGuid():N}";
        await events.AddEntityAsync(
            new TableEntity(CycleIds.For(e.AgreementId, e.Year), rowKey)
            {
                ["AgreementId"] = e.AgreementId,
                ["Year"] = e.Year,
                ["OwnerId"] = e.OwnerId,
                ["Kind"] = e.Kind,
                ["MessageId"] = e.MessageId,
                ["Recipients"] = e.Recipients,
                ["Outcome"] = e.Outcome.ToString(),
                ["AtUtc"] = e.AtUtc,
                ["Detail"] = Truncate(e.Detail),
            },
            cancellationToken);

        if (e.Outcome == MailOutcome.Sent)
        {
            var messages = await store.GetAsync(TableNames.MailMessages, cancellationToken);
            await messages.UpsertEntityAsync(
                new TableEntity(KeyOf(e.MessageId), KeyOf(e.MessageId))
                {
                    ["AgreementId"] = e.AgreementId,
                    ["Year"] = e.Year,
                    ["OwnerId"] = e.OwnerId,
                    ["Kind"] = e.Kind,
                    ["Recipients"] = e.Recipients,
                },
                TableUpdateMode.Replace,
                cancellationToken);
        }
    }

    /// <summary>The sent mail with this Message-ID (angle brackets optional), or null when it is not one of ours.</summary>
    public async Task<MailEvent?> FindSentAsync(string messageId, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(messageId);
        if (key.Length == 0)
        {
            return null;
        }

        var messages = await store.GetAsync(TableNames.MailMessages, cancellationToken);
        if (await SingleRowPartitions.FindAsync(messages, key, cancellationToken) is not { } e)
        {
            return null;
        }

        return new MailEvent(
            e.GetString("AgreementId") ?? string.Empty, e.GetInt32("Year") ?? 0, e.GetString("OwnerId"), e.GetString("Kind") ?? string.Empty,
            messageId.Trim().Trim('<', '>'), e.GetString("Recipients") ?? string.Empty, MailOutcome.Sent, e.Timestamp ?? DateTimeOffset.MinValue);
    }

    /// <summary>A cycle's mail events, newest first.</summary>
    public async Task<IReadOnlyList<MailEvent>> ListAsync(string agreementId, int year, CancellationToken cancellationToken = default)
    {
        var events = await store.GetAsync(TableNames.MailEvents, cancellationToken);
        var partition = CycleIds.For(agreementId, year);
        var result = new List<MailEvent>();
        await foreach (var e in events.QueryAsync<TableEntity>(x => x.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            result.Add(new MailEvent(
                e.GetString("AgreementId") ?? agreementId,
                e.GetInt32("Year") ?? year,
                e.GetString("OwnerId"),
                e.GetString("Kind") ?? string.Empty,
                e.GetString("MessageId") ?? string.Empty,
                e.GetString("Recipients") ?? string.Empty,
                Enum.TryParse<MailOutcome>(e.GetString("Outcome"), out var o) ? o : MailOutcome.Sent,
                e.GetDateTimeOffset("AtUtc") ?? DateTimeOffset.MinValue,
                e.GetString("Detail")));
        }

        return result;
    }

    /// <summary>Purge: mail events name addresses, so they go with the cycle's other personal data.</summary>
    public async Task<int> DeleteCycleAsync(string agreementId, int year, CancellationToken cancellationToken = default)
    {
        var events = await store.GetAsync(TableNames.MailEvents, cancellationToken);
        var messages = await store.GetAsync(TableNames.MailMessages, cancellationToken);
        var partition = CycleIds.For(agreementId, year);
        var actions = new List<TableTransactionAction>();
        var deleted = 0;
        await foreach (var e in events.QueryAsync<TableEntity>(x => x.PartitionKey == partition, select: ["PartitionKey", "RowKey", "MessageId"], cancellationToken: cancellationToken))
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All));
            if (e.GetString("MessageId") is { } id && KeyOf(id) is { Length: > 0 } key)
            {
                await SingleRowPartitions.DeleteAsync(messages, key, cancellationToken);
            }

            deleted++;
        }

        await TableBatches.SubmitAsync(events, actions, cancellationToken);
        return deleted;
    }

    /// <summary>Moves the Message-ID index rows an older version stored under the empty row key (see <see cref="SingleRowPartitions"/>).</summary>
    public async Task<int> ConvertLegacyKeysAsync(CancellationToken cancellationToken = default) =>
        await SingleRowPartitions.ConvertAsync(await store.GetAsync(TableNames.MailMessages, cancellationToken), cancellationToken);

    /// <summary>Table keys forbid '/', '\', '#', '?' and control characters; other systems' Message-IDs may hold them.</summary>
    static string KeyOf(string messageId) =>
        string.Concat(messageId.Trim().Trim('<', '>').Select(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c) ? '_' : c));

    static string? Truncate(string? text) => text is { Length: > 2000 } ? text[..2000] : text;
}
