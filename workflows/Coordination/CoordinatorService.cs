using Microsoft.DurableTask.Client;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Forms;
using Trygghetsuppfoljning.Workflows.Mail;
using Trygghetsuppfoljning.Workflows.Orchestration;
using Trygghetsuppfoljning.Workflows.Reports;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Coordination;

/// <summary>
/// The coordinator's operations, shared by both hosts' endpoints. Changes to a running cycle travel as external
/// events to its orchestration, which stays the one place that decides.
/// </summary>
public sealed class CoordinatorService(
    AgreementRepository agreements,
    CycleRepository cycles,
    OwnerProgressRepository progress,
    TokenRepository tokens,
    OwnerLinkIssuer links,
    MailComposer composer,
    IMailSender mail,
    CycleStarter starter,
    ReportService reports,
    ReportArchive archive,
    Import.AgreementImporter importer,
    Retention.RetentionPurger purger,
    AuditRepository audit,
    TimeProvider time,
    SteeringDecisionRepository steeringDecisions)
{
    /// <summary>Every coordinator action is recorded with who asked and what came of it (refusals too).</summary>
    public async Task<CoordinatorResult> ImportAgreementAsync(byte[] content, string actor, CancellationToken cancellationToken = default)
    {
        var result = await ImportAgreementCoreAsync(content, actor, cancellationToken);
        var agreementId = result.StatusCode == 200 && result.Body is ImportSummary summary ? summary.AgreementId : AuditAgreementForFailedImport;
        await RecordAsync(agreementId, null, actor, "import", null, result, cancellationToken);
        return result;
    }

    public async Task<CoordinatorResult> PurgeAsync(DurableTaskClient client, string actor, CancellationToken cancellationToken = default) =>
        await RecordAsync(AuditAgreementForPurge, null, actor, "purge", null, await PurgeCoreAsync(client, actor, cancellationToken), cancellationToken);

    public async Task<CoordinatorResult> StartAsync(DurableTaskClient client, string agreementId, int year, DateTimeOffset? deadlineUtc, string actor, CancellationToken cancellationToken = default) =>
        await RecordAsync(agreementId, year, actor, "start", deadlineUtc?.ToString("u"), await StartCoreAsync(client, agreementId, year, deadlineUtc, actor, cancellationToken), cancellationToken);

    public async Task<CoordinatorResult> ExtendAsync(DurableTaskClient client, string agreementId, int year, DateTimeOffset newDeadlineUtc, string actor, CancellationToken cancellationToken = default) =>
        await RecordAsync(agreementId, year, actor, "extend", newDeadlineUtc.ToString("u"), await ExtendCoreAsync(client, agreementId, year, newDeadlineUtc, actor, cancellationToken), cancellationToken);

    public async Task<CoordinatorResult> CloseAsync(DurableTaskClient client, string agreementId, int year, string actor, CancellationToken cancellationToken = default) =>
        await RecordAsync(agreementId, year, actor, "close", null, await CloseCoreAsync(client, agreementId, year, actor, cancellationToken), cancellationToken);

    public async Task<CoordinatorResult> ResendLinkAsync(string agreementId, int year, string ownerId, string actor, CancellationToken cancellationToken = default) =>
        await RecordAsync(agreementId, year, actor, "resend", ownerId, await ResendLinkCoreAsync(agreementId, year, ownerId, actor, cancellationToken), cancellationToken);

    public async Task<CoordinatorResult> ReplaceOwnerAsync(
        DurableTaskClient client, string agreementId, int year, string ownerId, ReplacementOwner replacement, string actor, CancellationToken cancellationToken = default) =>
        await RecordAsync(agreementId, year, actor, "replace", ownerId, await ReplaceOwnerCoreAsync(client, agreementId, year, ownerId, replacement, actor, cancellationToken), cancellationToken);

    /// <summary>The audit log of one agreement (and cycle, with a year), newest first.</summary>
    public Task<IReadOnlyList<AuditEntry>> AuditAsync(string agreementId, int? year, CancellationToken cancellationToken = default) =>
        audit.ListAsync(agreementId, year, cancellationToken: cancellationToken);

    /// <summary>Audit partitions for actions that name no agreement.</summary>
    public const string AuditAgreementForFailedImport = "_import";
    public const string AuditAgreementForPurge = "_purge";

    async Task<CoordinatorResult> RecordAsync(string agreementId, int? year, string actor, string action, string? target, CoordinatorResult result, CancellationToken cancellationToken)
    {
        await audit.AppendAsync(new AuditEntry(agreementId, year, time.GetUtcNow(), actor, action, target, result.StatusCode, result.Message), cancellationToken);
        return result;
    }

    /// <summary>Imports an agreement file (JSON or .xlsx roster), all or nothing; errors come back line by line.</summary>
    async Task<CoordinatorResult> ImportAgreementCoreAsync(byte[] content, string actor, CancellationToken cancellationToken = default)
    {
        if (content.Length == 0)
        {
            return CoordinatorResult.BadRequest("The file is empty.");
        }

        var result = await importer.ImportAsync(content, cancellationToken);
        if (!result.IsValid)
        {
            return CoordinatorResult.BadRequest($"Nothing was imported: {result.Errors.Count} error(s).", new { errors = result.Lines });
        }

        var a = result.Agreement!;
        return CoordinatorResult.Ok(
            $"Agreement '{a.Id}' imported: {a.FocusAreas.Count} focus areas, {a.Measures.Count} measures, {a.AnsweringOwners().Count} owners.",
            new ImportSummary(a.Id, a.FocusAreas.Count, a.Measures.Count, a.AnsweringOwners().Count));
    }

    /// <summary>Runs the purge (gallring) now; the Functions app also runs it after the yearly timer.</summary>
    async Task<CoordinatorResult> PurgeCoreAsync(DurableTaskClient client, string actor, CancellationToken cancellationToken = default)
    {
        var result = await purger.PurgeAsync(client, cancellationToken: cancellationToken);
        return CoordinatorResult.Ok(
            $"Purged {result.PurgedCycles.Count} cycle(s): {result.Responses} answers, {result.ProgressRows} progress rows, {result.Tokens} link tokens, {result.DurableInstances} orchestration histories. Aggregates kept.", result);
    }

    async Task<CoordinatorResult> StartCoreAsync(DurableTaskClient client, string agreementId, int year, DateTimeOffset? deadlineUtc, string actor, CancellationToken cancellationToken = default)
    {
        if (await agreements.FindAsync(agreementId, cancellationToken) is null)
        {
            return CoordinatorResult.NotFound($"Agreement '{agreementId}' does not exist.");
        }

        if (deadlineUtc is { } d && d <= time.GetUtcNow())
        {
            return CoordinatorResult.BadRequest("The deadline must be in the future.");
        }

        var (instanceId, started) = await starter.StartAsync(client, starter.InputFor(agreementId, year, deadlineUtc), cancellationToken);
        return started
            ? CoordinatorResult.Accepted($"Cycle {instanceId} started.", new { instanceId })
            : CoordinatorResult.Ok($"Cycle {instanceId} already exists; nothing was started.", new { instanceId });
    }

    public async Task<CycleStatus?> StatusAsync(DurableTaskClient client, string agreementId, int year, CancellationToken cancellationToken = default)
    {
        var agreement = await agreements.FindAsync(agreementId, cancellationToken);
        if (agreement is null)
        {
            return null;
        }

        var instanceId = CycleIds.CycleInstance(agreementId, year);
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        var cycle = await cycles.FindAsync(agreementId, year, cancellationToken);
        var rows = cycle is null ? [] : await progress.ListAsync(cycle.Id, cancellationToken);
        var owners = agreement.AnsweringOwners().Select(o =>
        {
            var p = rows.FirstOrDefault(r => r.OwnerId == o.Id) ?? OwnerProgress.New(CycleIds.For(agreementId, year), o.Id);
            return new OwnerStatus(o.Id, o.Name, o.Organisation, p.State, p.InvitedUtc, p.RemindersSent, p.LastRemindedUtc, p.DraftSavedUtc, p.SubmittedUtc);
        }).ToList();
        return new CycleStatus(agreementId, year, instanceId, instance?.RuntimeStatus.ToString(), cycle?.State, cycle?.DeadlineUtc, cycle?.ClosedUtc, cycle?.ReportBlobName, owners);
    }

    async Task<CoordinatorResult> ExtendCoreAsync(DurableTaskClient client, string agreementId, int year, DateTimeOffset newDeadlineUtc, string actor, CancellationToken cancellationToken = default)
    {
        var cycle = await cycles.FindAsync(agreementId, year, cancellationToken);
        if (cycle is null)
        {
            return CoordinatorResult.NotFound($"Cycle {agreementId} {year} does not exist.");
        }

        if (cycle.State == CycleState.Closed)
        {
            return CoordinatorResult.Conflict("The cycle is closed; its deadline can no longer change.");
        }

        if (newDeadlineUtc <= cycle.DeadlineUtc || newDeadlineUtc <= time.GetUtcNow())
        {
            return CoordinatorResult.BadRequest($"The new deadline must be later than the current one ({cycle.DeadlineUtc:u}) and in the future.");
        }

        await InstanceEvents.RaiseAsync(client, CycleIds.CycleInstance(agreementId, year), CycleEvents.DeadlineExtended, new DeadlineExtendedEvent(newDeadlineUtc), cancellationToken);
        return CoordinatorResult.Accepted($"Deadline extension to {newDeadlineUtc:u} sent to the cycle.");
    }

    async Task<CoordinatorResult> CloseCoreAsync(DurableTaskClient client, string agreementId, int year, string actor, CancellationToken cancellationToken = default)
    {
        var cycle = await cycles.FindAsync(agreementId, year, cancellationToken);
        if (cycle is null)
        {
            return CoordinatorResult.NotFound($"Cycle {agreementId} {year} does not exist.");
        }

        if (cycle.State == CycleState.Closed)
        {
            return CoordinatorResult.Ok("The cycle is already closed.");
        }

        await InstanceEvents.RaiseAsync(client, CycleIds.CycleInstance(agreementId, year), CycleEvents.CloseRequested, new CloseRequestedEvent(actor), cancellationToken);
        return CoordinatorResult.Accepted("Close requested; the report follows when the cycle has closed.");
    }

    /// <summary>New link for an owner: every older link of theirs in this cycle dies.</summary>
    async Task<CoordinatorResult> ResendLinkCoreAsync(string agreementId, int year, string ownerId, string actor, CancellationToken cancellationToken = default)
    {
        var agreement = await agreements.FindAsync(agreementId, cancellationToken);
        var cycle = await cycles.FindAsync(agreementId, year, cancellationToken);
        var owner = agreement?.Owners.FirstOrDefault(o => o.Id == ownerId);
        if (agreement is null || cycle is null || owner is null)
        {
            return CoordinatorResult.NotFound("No such agreement, cycle or owner.");
        }

        if (cycle.State == CycleState.Closed)
        {
            return CoordinatorResult.Conflict("The cycle is closed; links are no longer issued.");
        }

        var revoked = await tokens.RevokeAsync(agreementId, year, ownerId, time.GetUtcNow(), cancellationToken);
        var link = await links.IssueAsync(agreementId, year, ownerId, cancellationToken);
        await mail.SendAsync(composer.Invitation(agreement, cycle, owner, link, reminderNumber: 0), cancellationToken);
        await progress.UpdateAsync(cycle.Id, ownerId, p => p with { InvitedUtc = p.InvitedUtc ?? time.GetUtcNow() }, cancellationToken);
        return CoordinatorResult.Ok($"New link sent to {owner.Name}; {revoked} older link(s) revoked.");
    }

    /// <summary>
    /// Hands an owner's measures to someone else mid-cycle: the agreement is updated first (Tables are the truth), the
    /// old owner's links die and their instance stops, then the cycle is told, and it starts the new owner's instance,
    /// which invites them. Their form shows the measures with whatever the old owner had saved as last year's context.
    /// </summary>
    async Task<CoordinatorResult> ReplaceOwnerCoreAsync(
        DurableTaskClient client, string agreementId, int year, string ownerId, ReplacementOwner replacement, string actor, CancellationToken cancellationToken = default)
    {
        var agreement = await agreements.FindAsync(agreementId, cancellationToken);
        var cycle = await cycles.FindAsync(agreementId, year, cancellationToken);
        var old = agreement?.Owners.FirstOrDefault(o => o.Id == ownerId);
        if (agreement is null || cycle is null || old is null)
        {
            return CoordinatorResult.NotFound("No such agreement, cycle or owner.");
        }

        if (cycle.State == CycleState.Closed)
        {
            return CoordinatorResult.Conflict("The cycle is closed; owners can no longer be replaced in it.");
        }

        if (string.IsNullOrWhiteSpace(replacement.Name) || !System.Net.Mail.MailAddress.TryCreate(replacement.Email?.Trim(), out _))
        {
            return CoordinatorResult.BadRequest("The new owner needs a name and a valid e-mail address.");
        }

        var owner = replacement.ToOwner();
        if (owner.Id == old.Id)
        {
            return CoordinatorResult.BadRequest("The new owner must differ from the one replaced.");
        }

        if (!agreement.MeasuresOf(old.Id).Any())
        {
            return CoordinatorResult.Conflict($"{old.Name} owns no measures in this agreement.");
        }

        var updated = agreement with
        {
            Owners = agreement.Owners.Where(o => o.Id != owner.Id).Append(owner).ToList(),
            Measures = agreement.Measures.Select(m => m.OwnerId == old.Id ? m with { OwnerId = owner.Id } : m).ToList(),
        };
        await agreements.SaveAsync(updated, cancellationToken);
        var revoked = await tokens.RevokeAsync(agreementId, year, old.Id, time.GetUtcNow(), cancellationToken);
        await InstanceEvents.RaiseAsync(
            client, CycleIds.OwnerInstance(agreementId, year, old.Id), CycleEvents.CycleClosing, new CloseRequestedEvent("replaced"), cancellationToken);
        await InstanceEvents.RaiseAsync(
            client, CycleIds.CycleInstance(agreementId, year), CycleEvents.OwnerReplaced, new OwnerReplacedEvent(old.Id, owner.Id), cancellationToken);
        return CoordinatorResult.Accepted(
            $"{old.Name} replaced by {owner.Name} ({owner.Id}); {revoked} link(s) of {old.Name} revoked; {owner.Name} is being invited.", new { ownerId = owner.Id });
    }

    /// <summary>The archived report, or a regenerated one (same content for a closed cycle).</summary>
    public async Task<(byte[] Bytes, string FileName)?> ReportAsync(string agreementId, int year, bool regenerate, string language, CancellationToken cancellationToken = default)
    {
        var cycle = await cycles.FindAsync(agreementId, year, cancellationToken);
        if (cycle is null)
        {
            return null;
        }

        var name = !regenerate && cycle.ReportBlobName is not null && language == "sv"
            ? cycle.ReportBlobName
            : await reports.GenerateAndArchiveAsync(agreementId, year, language, cancellationToken);
        return (await archive.ReadAsync(name, cancellationToken), Path.GetFileName(name));
    }

    /// <summary>
    /// Records the steering group's decision on a cycle's report: approved on a date, or returned with a note. Stored
    /// first, then the approval instance is woken (an event to a missing instance is dropped; it reads Tables anyway).
    /// </summary>
    public async Task<CoordinatorResult> RecordSteeringDecisionAsync(
        DurableTaskClient client, string agreementId, int year, bool approved, DateOnly date, string? note, string actor, CancellationToken cancellationToken = default) =>
        await RecordAsync(
            agreementId, year, actor, approved ? "approve" : "return", $"{date:yyyy-MM-dd}{(string.IsNullOrWhiteSpace(note) ? string.Empty : $": {note.Trim()}")}",
            await RecordSteeringDecisionCoreAsync(client, agreementId, year, approved, date, note, actor, cancellationToken), cancellationToken);

    async Task<CoordinatorResult> RecordSteeringDecisionCoreAsync(
        DurableTaskClient client, string agreementId, int year, bool approved, DateOnly date, string? note, string actor, CancellationToken cancellationToken)
    {
        var cycle = await cycles.FindAsync(agreementId, year, cancellationToken);
        if (cycle is null)
        {
            return CoordinatorResult.NotFound($"Cycle {agreementId} {year} does not exist.");
        }

        if (cycle.State != CycleState.Closed)
        {
            return CoordinatorResult.Conflict("The cycle is still open: the steering group decides on the report of a closed cycle.");
        }

        if (!approved && string.IsNullOrWhiteSpace(note))
        {
            return CoordinatorResult.BadRequest("A returned report needs a note saying what the steering group asked for.");
        }

        if (date > SwedishTime.DateOf(time.GetUtcNow()))
        {
            return CoordinatorResult.BadRequest("The decision date lies in the future.");
        }

        await steeringDecisions.SaveAsync(new SteeringDecision(agreementId, year, approved, date, note?.Trim(), actor, time.GetUtcNow()), cancellationToken);
        var instanceId = CycleIds.ApprovalInstance(agreementId, year);
        if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is { IsCompleted: false })
        {
            await InstanceEvents.RaiseAsync(client, instanceId, ApprovalEvents.SteeringDecisionRecorded, new SteeringDecisionRecordedEvent(approved), cancellationToken);
        }

        return approved
            ? CoordinatorResult.Accepted($"Approved by the steering group on {date:yyyy-MM-dd}; the citizens' summary is being published.", new { instanceId })
            : CoordinatorResult.Accepted($"Returned by the steering group on {date:yyyy-MM-dd}: {note!.Trim()}", new { instanceId });
    }
}
