using Azure;
using Azure.Data.Tables;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Storage;

/// <summary>
/// The steering group's latest decision per cycle (table <see cref="Table"/>: PK agreement id, RK year), plus how many
/// approval reminders went out, so a retried reminder activity does not mail twice. Every decision is also in the audit log.
/// </summary>
public sealed class SteeringDecisionRepository(TableStore store)
{
    public const string Table = "SteeringDecisions";

    public async Task SaveAsync(SteeringDecision decision, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(Table, cancellationToken);
        await table.UpsertEntityAsync(
            new TableEntity(decision.AgreementId, RowKey(decision.Year))
            {
                ["Decided"] = true,
                ["Approved"] = decision.Approved,
                ["DecidedOn"] = decision.DecidedOn.ToString("yyyy-MM-dd"),
                ["Note"] = decision.Note,
                ["RecordedBy"] = decision.RecordedBy,
                ["RecordedUtc"] = decision.RecordedUtc,
            },
            TableUpdateMode.Merge,
            cancellationToken);
    }

    public async Task<SteeringDecision?> FindAsync(string agreementId, int year, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(Table, cancellationToken);
        var response = await table.FindEntityAsync(agreementId, RowKey(year), cancellationToken);
        if (response is null || response.GetBoolean("Decided") != true)
        {
            return null;
        }

        var e = response;
        return new SteeringDecision(
            agreementId,
            year,
            e.GetBoolean("Approved") ?? false,
            DateOnly.Parse(e.GetString("DecidedOn"), System.Globalization.CultureInfo.InvariantCulture),
            e.GetString("Note"),
            e.GetString("RecordedBy") ?? string.Empty,
            e.GetDateTimeOffset("RecordedUtc") ?? DateTimeOffset.MinValue);
    }

    /// <summary>Claims reminder number <paramref name="number"/>; false when it (or a later one) was already claimed.</summary>
    public async Task<bool> TryClaimReminderAsync(string agreementId, int year, int number, CancellationToken cancellationToken = default)
    {
        var table = await store.GetAsync(Table, cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var response = await table.FindEntityAsync(agreementId, RowKey(year), cancellationToken);
            var sent = response?.GetInt32("RemindersSent") ?? 0;
            if (sent >= number)
            {
                return false;
            }

            try
            {
                if (response is not null)
                {
                    var entity = response;
                    entity["RemindersSent"] = number;
                    await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Merge, cancellationToken);
                }
                else
                {
                    await table.AddEntityAsync(new TableEntity(agreementId, RowKey(year)) { ["RemindersSent"] = number }, cancellationToken);
                }

                return true;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 5)
            {
                // Someone wrote the row meanwhile (a decision, or the same reminder retried): read again.
            }
        }
    }

    static string RowKey(int year) => year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
}
