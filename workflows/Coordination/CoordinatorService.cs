using Microsoft.DurableTask.Client;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Forms;
using Trygghetsuppfoljning.Workflows.Mail;
using Trygghetsuppfoljning.Workflows.Orchestration;
using Trygghetsuppfoljning.Workflows.Reports;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Coordination;

/// <summary>
/// The coordinator's operations, shared by both hosts' endpoints. Every action takes effect or says why not (404/409
/// with a reason), and is recorded in the audit log. What can be decided in Tables is decided there, under ETags
/// (a new deadline, a replaced owner); the running orchestrations are then told by event.
/// </summary>
public sealed partial class CoordinatorService(
    AgreementRepository agreements,
    CycleRepository cycles,
    CycleRosterRepository rosters,
    CycleSnapshots snapshots,
    OwnerProgressRepository progress,
    TokenRepository tokens,
    OwnerLinkIssuer links,
    MailComposer composer,
    IMailSender mail,
    CycleStarter starter,
    ReportService reports,
    ReportArchive archive,
    Retention.RetentionPurger purger,
    AuditRepository audit,
    Migration.StorageMigrator migrator,
    Import.HistoryImporter history,
    TimeProvider time,
    SteeringDecisionRepository steeringDecisions,
    ReturnRoundRepository returnRounds,
    Microsoft.Extensions.Options.IOptions<ApprovalOptions> approvalOptions)
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

    public async Task<CoordinatorResult> ResumeAsync(DurableTaskClient client, string agreementId, int year, string actor, CancellationToken cancellationToken = default) =>
        await RecordAsync(agreementId, year, actor, "resume", null, await ResumeCoreAsync(client, agreementId, year, cancellationToken), cancellationToken);

    public async Task<CoordinatorResult> ReplaceOwnerAsync(
        DurableTaskClient client, string agreementId, int year, string ownerId, ReplacementOwner replacement, string actor, CancellationToken cancellationToken = default) =>
        await RecordAsync(agreementId, year, actor, "replace", ownerId, await ReplaceOwnerCoreAsync(client, agreementId, year, ownerId, replacement, actor, cancellationToken), cancellationToken);

    /// <summary>
    /// Earlier years' figures (JSON, xlsx or CSV rows of År, Åtgärd, Indikator, Värde) for an agreement new to the tool,
    /// so its first report has trend columns. All or nothing; a year the tool followed up itself is never replaced.
    /// </summary>
    public async Task<CoordinatorResult> ImportHistoryAsync(string agreementId, byte[] content, string actor, CancellationToken cancellationToken = default)
    {
        CoordinatorResult result;
        if (content.Length == 0 || content.Length > MaxImportBytes)
        {
            result = content.Length == 0 ? CoordinatorResult.BadRequest("Filen är tom. / The file is empty.") : new CoordinatorResult(413, "Filen är för stor. / The file is too large.");
        }
        else if (await agreements.FindAsync(agreementId, cancellationToken) is null)
        {
            result = CoordinatorResult.NotFound($"Agreement '{agreementId}' does not exist.");
        }
        else
        {
            var imported = await history.ImportAsync(agreementId, content, cancellationToken);
            result = imported.Errors.Count > 0
                ? CoordinatorResult.BadRequest($"Nothing was imported: {imported.Errors.Count} error(s).", new { errors = imported.Lines })
                : CoordinatorResult.Ok(
                    $"Figures for {imported.Years.Count} earlier year(s) imported: {string.Join(", ", imported.Years.Select(y => y.Year))}.",
                    new { years = imported.Years.Select(y => y.Year).ToList() });
        }

        return await RecordAsync(agreementId, null, actor, "import-history", null, result, cancellationToken);
    }

    /// <summary>Converts what an older version stored (see <see cref="Migration.StorageMigrator"/>); safe to run again.</summary>
    public async Task<CoordinatorResult> MigrateAsync(DurableTaskClient client, string actor, CancellationToken cancellationToken = default)
    {
        var result = await migrator.MigrateAsync(client, cancellationToken);
        var outcome = CoordinatorResult.Ok(
            result.ChangedAnything
                ? $"Migrated: {result.RostersTaken} cycle roster(s) taken, {result.FinalAnswersStored} closed cycle(s) given final answers, {result.CyclesRestarted} open cycle(s) restarted on this version, {result.AggregatesCleaned} aggregate(s) cleaned of owner ids, {result.RowsRekeyed} token/mail row(s) re-keyed, {result.CyclesGivenHeads} cycle(s) given revision heads."
                : "Nothing to migrate: everything stored is current.",
            result);
        return await RecordAsync(AuditAgreementForPurge, null, actor, "migrate", null, outcome, cancellationToken);
    }

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

    /// <summary>Largest agreement file accepted (a roster of thousands of measures is far below it).</summary>
    public const int MaxImportBytes = 10 * 1024 * 1024;

    /// <summary>How long close waits for the cycle to record itself closed before answering "closing".</summary>
    static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Imports an agreement file (JSON or .xlsx roster), all or nothing; errors come back line by line. Cycles keep their
    /// own rosters, so a re-import never changes a cycle; but while a cycle is open, an id may not come to name another
    /// person (their personal links would open someone else's measures), and such an import is refused.
    /// </summary>
    async Task<CoordinatorResult> ImportAgreementCoreAsync(byte[] content, string actor, CancellationToken cancellationToken = default)
    {
        if (content.Length == 0)
        {
            return CoordinatorResult.BadRequest("Filen är tom. / The file is empty.");
        }

        if (content.Length > MaxImportBytes)
        {
            return new CoordinatorResult(413, $"Filen är för stor ({content.Length / 1024 / 1024} MB; högst {MaxImportBytes / 1024 / 1024} MB). / The file is too large.");
        }

        var result = Import.AgreementImporter.Parse(content);
        if (!result.IsValid)
        {
            return CoordinatorResult.BadRequest($"Nothing was imported: {result.Errors.Count} error(s).", new { errors = result.Lines, notices = result.NoticeLines });
        }

        var a = result.Agreement!;
        foreach (var cycle in await cycles.ListAsync(a.Id, cancellationToken))
        {
            // Cycles stored before rosters existed take theirs now, from the agreement they ran on, before it changes.
            var roster = await snapshots.FindRosterAsync(cycle, cancellationToken);
            if (cycle.State != CycleState.Open || roster is null)
            {
                continue;
            }

            var conflicts = a.Owners
                .Select(o => (New: o, Old: roster.Find(o.Id)?.Owner))
                .Where(x => x.Old is not null && !string.Equals(x.Old.Email.Trim(), x.New.Email.Trim(), StringComparison.OrdinalIgnoreCase))
                .Select(x => $"'{x.New.Id}' är {x.Old!.Name} <{x.Old.Email}> i den pågående uppföljningen {cycle.Year}, men {x.New.Name} <{x.New.Email}> i filen")
                .ToList();
            if (conflicts.Count > 0)
            {
                return CoordinatorResult.Conflict(
                    $"Nothing was imported: the file would give an owner id to another person while the {cycle.Year} follow-up is open. " +
                    "Give each person their own id, or replace the owner in the cycle instead.",
                    new { errors = conflicts });
            }
        }

        await agreements.SaveAsync(a, cancellationToken);
        return CoordinatorResult.Ok(
            $"Agreement '{a.Id}' imported: {a.FocusAreas.Count} focus areas, {a.Measures.Count} measures, {a.AnsweringOwners().Count} owners.",
            new ImportSummary(a.Id, a.FocusAreas.Count, a.Measures.Count, a.AnsweringOwners().Count, result.NoticeLines));
    }

    /// <summary>Runs the purge (gallring) now; the Functions app also runs it after the yearly timer.</summary>
    async Task<CoordinatorResult> PurgeCoreAsync(DurableTaskClient client, string actor, CancellationToken cancellationToken = default)
    {
        var result = await purger.PurgeAsync(client, cancellationToken: cancellationToken);
        return CoordinatorResult.Ok(
            $"Purged {result.PurgedCycles.Count} cycle(s): {result.Responses} answers, {result.ProgressRows} progress rows, {result.Tokens} link tokens, {result.DurableInstances} orchestration histories, {result.Reports} archived reports. Aggregates kept, without owner ids.", result);
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
        if (started)
        {
            return CoordinatorResult.Accepted($"Cycle {instanceId} started.", new { instanceId });
        }

        var existing = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        return CoordinatorResult.Conflict(existing?.RuntimeStatus is OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated
            ? $"Cycle {instanceId} exists but has {existing.RuntimeStatus}; resume it instead (nothing was started)."
            : $"Cycle {instanceId} already exists ({existing?.RuntimeStatus}); nothing was started.");
    }

    public async Task<CycleStatus?> StatusAsync(DurableTaskClient client, string agreementId, int year, CancellationToken cancellationToken = default)
    {
        var agreement = await agreements.FindAsync(agreementId, cancellationToken);
        var cycle = await cycles.FindAsync(agreementId, year, cancellationToken);
        if (agreement is null && cycle is null)
        {
            return null;
        }

        var instanceId = CycleIds.CycleInstance(agreementId, year);
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        var roster = cycle is null ? null : await snapshots.FindRosterAsync(cycle, cancellationToken);
        var rows = cycle is null ? [] : (await progress.ListAsync(cycle.Id, cancellationToken)).ToDictionary(p => p.OwnerId, StringComparer.Ordinal);
        var owners = (roster?.Owners ?? CycleRoster.Snapshot(agreement!).Owners).Select(r =>
        {
            var p = rows.GetValueOrDefault(r.Owner.Id) ?? OwnerProgress.New(CycleIds.For(agreementId, year), r.Owner.Id);
            return new OwnerStatus(
                r.Owner.Id, r.Owner.Name, r.Owner.Organisation, p.State, p.InvitedUtc, p.RemindersSent, p.LastRemindedUtc, p.DraftSavedUtc, p.SubmittedUtc,
                r.State, r.ReplacedBy, r.Measures.Count);
        }).ToList();
        return new CycleStatus(
            agreementId, year, instanceId, instance?.RuntimeStatus.ToString(), cycle?.State, cycle?.DeadlineUtc, cycle?.ClosedUtc, cycle?.ReportBlobName, owners,
            instance?.FailureDetails?.ErrorMessage);
    }

    /// <summary>The new deadline is stored at once (under the row's ETag, so it never races a close), then the cycle is told.</summary>
    async Task<CoordinatorResult> ExtendCoreAsync(DurableTaskClient client, string agreementId, int year, DateTimeOffset newDeadlineUtc, string actor, CancellationToken cancellationToken = default)
    {
        var cycle = await cycles.FindAsync(agreementId, year, cancellationToken);
        if (cycle is null)
        {
            return CoordinatorResult.NotFound($"Cycle {agreementId} {year} does not exist.");
        }

        if (newDeadlineUtc <= time.GetUtcNow() || newDeadlineUtc <= cycle.DeadlineUtc)
        {
            return CoordinatorResult.BadRequest($"The new deadline must be later than the current one ({cycle.DeadlineUtc:u}) and in the future.");
        }

        if (await NotRunningAsync(client, CycleIds.CycleInstance(agreementId, year), cancellationToken) is { } refusal && cycle.State != CycleState.Closed)
        {
            return refusal;
        }

        string? refused = null;
        var stored = await cycles.UpdateAsync(agreementId, year, c =>
        {
            refused = c.State == CycleState.Closed ? "The cycle is closed; its deadline can no longer change."
                : newDeadlineUtc <= c.DeadlineUtc ? $"The deadline is already {c.DeadlineUtc:u}."
                : null;
            return refused is null ? c with { DeadlineUtc = newDeadlineUtc } : null;
        }, cancellationToken);
        if (stored is null)
        {
            return CoordinatorResult.NotFound($"Cycle {agreementId} {year} does not exist.");
        }

        if (refused is not null)
        {
            return CoordinatorResult.Conflict(refused);
        }

        await client.RaiseAsync(CycleIds.CycleInstance(agreementId, year), new DeadlineExtendedEvent(newDeadlineUtc), cancellationToken);
        return CoordinatorResult.Ok($"Deadline moved to {newDeadlineUtc:u}; owners who have not answered are told.", new { deadlineUtc = newDeadlineUtc });
    }

    /// <summary>Asks the cycle to close and waits briefly until it has; answers 200 once closed, 202 if it is still closing.</summary>
    async Task<CoordinatorResult> CloseCoreAsync(DurableTaskClient client, string agreementId, int year, string actor, CancellationToken cancellationToken = default)
    {
        var cycle = await cycles.FindAsync(agreementId, year, cancellationToken);
        if (cycle is null)
        {
            return CoordinatorResult.NotFound($"Cycle {agreementId} {year} does not exist.");
        }

        if (cycle.State == CycleState.Closed)
        {
            return CoordinatorResult.Conflict($"The cycle is already closed (since {cycle.ClosedUtc:u}).");
        }

        if (await NotRunningAsync(client, CycleIds.CycleInstance(agreementId, year), cancellationToken) is { } refusal)
        {
            return refusal;
        }

        await client.RaiseAsync(CycleIds.CycleInstance(agreementId, year), new CloseRequestedEvent(actor), cancellationToken);
        var until = time.GetUtcNow() + CloseWait;
        while (time.GetUtcNow() < until)
        {
            if ((await cycles.FindAsync(agreementId, year, cancellationToken))?.State == CycleState.Closed)
            {
                return CoordinatorResult.Ok("The cycle is closed; its links are dead. The report follows shortly.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        return CoordinatorResult.Accepted("The cycle is closing; the report follows when it has closed.");
    }

    /// <summary>New link for an owner: every older link of theirs in this cycle dies, and the mail is a new message (new Message-ID).</summary>
    async Task<CoordinatorResult> ResendLinkCoreAsync(string agreementId, int year, string ownerId, string actor, CancellationToken cancellationToken = default)
    {
        var owner = await snapshots.FindOwnerAsync(agreementId, year, ownerId, cancellationToken);
        if (owner is null)
        {
            return CoordinatorResult.NotFound("No such cycle, or the owner is not in its roster.");
        }

        if (owner.Cycle.State == CycleState.Closed)
        {
            return CoordinatorResult.Conflict("The cycle is closed; links are no longer issued.");
        }

        if (!owner.Roster.IsActive)
        {
            return CoordinatorResult.Conflict($"{owner.Owner.Name} was replaced by '{owner.Roster.ReplacedBy}' in this cycle; send the link to them instead.");
        }

        var revoked = await tokens.RevokeAsync(agreementId, year, ownerId, time.GetUtcNow(), cancellationToken);
        await SendLinkAsync(owner, cancellationToken);
        await progress.UpdateAsync(owner.Cycle.Id, ownerId, p => p with { InvitedUtc = p.InvitedUtc ?? time.GetUtcNow() }, cancellationToken);
        return CoordinatorResult.Ok($"New link sent to {owner.Owner.Name}; {revoked} older link(s) revoked.");
    }

    /// <summary>
    /// Hands an owner's measures in this cycle to someone else: the cycle's roster changes (the old owner is marked
    /// replaced — their submitted answers stay and are shown as theirs — and the new owner gets the measures) in one
    /// transaction; the agreement follows for later cycles; the old owner's links in this cycle die; the cycle invites
    /// the new owner (with its retries). Works in the grace period too (the new owner can still
    /// answer until the cycle closes). Other cycles are never touched.
    /// </summary>
    async Task<CoordinatorResult> ReplaceOwnerCoreAsync(
        DurableTaskClient client, string agreementId, int year, string ownerId, ReplacementOwner replacement, string actor, CancellationToken cancellationToken = default)
    {
        if (replacement.Validate() is { } invalid)
        {
            return CoordinatorResult.BadRequest(invalid);
        }

        var old = await snapshots.FindOwnerAsync(agreementId, year, ownerId, cancellationToken);
        if (old is null)
        {
            return CoordinatorResult.NotFound("No such cycle, or the owner is not in its roster.");
        }

        if (old.Cycle.State == CycleState.Closed)
        {
            return CoordinatorResult.Conflict("The cycle is closed; owners can no longer be replaced in it.");
        }

        if (!old.Roster.IsActive || old.Roster.Measures.Count == 0)
        {
            return CoordinatorResult.Conflict($"{old.Owner.Name} answers for no measures in this cycle (already replaced by '{old.Roster.ReplacedBy}').");
        }

        if (await NotRunningAsync(client, CycleIds.CycleInstance(agreementId, year), cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var newOwner = replacement.ToOwner();
        if (newOwner.Id == old.Owner.Id || string.Equals(newOwner.Email, old.Owner.Email, StringComparison.OrdinalIgnoreCase))
        {
            return CoordinatorResult.BadRequest("The new owner must be another person than the one replaced.");
        }

        var existing = await rosters.FindOwnerAsync(old.Cycle.Id, newOwner.Id, cancellationToken);
        if (existing is not null && !string.Equals(existing.Owner.Email, newOwner.Email, StringComparison.OrdinalIgnoreCase))
        {
            return CoordinatorResult.Conflict($"The id '{newOwner.Id}' already names {existing.Owner.Name} <{existing.Owner.Email}> in this cycle; give the new owner another id.");
        }

        var now = time.GetUtcNow();
        var taken = old.Roster.Measures;
        var incoming = existing is null
            ? new RosterOwner(newOwner, taken, RosterOwnerState.Active, null, now)
            : existing with { Measures = existing.Measures.Concat(taken).DistinctBy(m => m.Measure.Id).ToList(), State = RosterOwnerState.Active, ReplacedBy = null, ChangedUtc = now };
        await rosters.SaveOwnersAsync(old.Cycle.Id, [old.Roster with { State = RosterOwnerState.Replaced, ReplacedBy = newOwner.Id, ChangedUtc = now }, incoming], cancellationToken);

        // Later cycles follow the change; the old owner leaves the agreement once they answer for nothing in it.
        if (await agreements.FindAsync(agreementId, cancellationToken) is { } agreement)
        {
            var takenIds = taken.Select(m => m.Measure.Id).ToHashSet(StringComparer.Ordinal);
            var measures = agreement.Measures.Select(m => takenIds.Contains(m.Id) && m.OwnerId == old.Owner.Id ? m with { OwnerId = incoming.Owner.Id } : m).ToList();
            var owners = agreement.Owners.Where(o => o.Id != incoming.Owner.Id && (o.Id != old.Owner.Id || measures.Any(m => m.OwnerId == o.Id))).Append(incoming.Owner).ToList();
            await agreements.SaveAsync(agreement with { Measures = measures, Owners = owners }, cancellationToken);
        }

        var revoked = await tokens.RevokeAsync(agreementId, year, old.Owner.Id, now, cancellationToken);
        var cycleInstance = CycleIds.CycleInstance(agreementId, year);
        if (LegacyCycle.RunsOn(await client.GetInstanceAsync(cycleInstance, getInputsAndOutputs: false, cancellationToken)))
        {
            // A cycle started by an earlier version runs an instance per owner: stop the old one, start the new one.
            await client.RaiseAsync(CycleIds.OwnerInstance(agreementId, year, old.Owner.Id), new CycleClosingEvent("replaced"), cancellationToken);
            var schedule = starter.InputFor(agreementId, year, old.Cycle.DeadlineUtc);
            var ownerInput = new OwnerInputInput(agreementId, year, incoming.Owner.Id, cycleInstance, old.Cycle.DeadlineUtc, schedule.RemindersBeforeDeadline, schedule.GracePeriod, schedule.ReceiptDebounce);
            if (!await OrchestrationStarter.StartIfNewAsync(client, nameof(OwnerInputOrchestrator), CycleIds.OwnerInstance(agreementId, year, incoming.Owner.Id), ownerInput, cancellationToken))
            {
                await SendLinkAsync(new CycleOwner(old.Cycle, old.Header, incoming), cancellationToken);
            }
        }
        else if ((await progress.GetAsync(old.Cycle.Id, incoming.Owner.Id, cancellationToken)).InvitedUtc is null)
        {
            // The cycle invites whoever in its roster has no invitation yet: the new owner, with the cycle's retries.
            await client.RaiseAsync(cycleInstance, new OwnerAddedEvent(incoming.Owner.Id), cancellationToken);
        }
        else
        {
            // Already invited for other measures of theirs: their form now shows the new ones too; a fresh link tells them.
            await SendLinkAsync(new CycleOwner(old.Cycle, old.Header, incoming), cancellationToken);
        }

        return CoordinatorResult.Ok(
            $"{old.Owner.Name} replaced by {incoming.Owner.Name} ({incoming.Owner.Id}) for {taken.Count} measure(s); {revoked} link(s) of {old.Owner.Name} revoked; {incoming.Owner.Name} is invited. Answers {old.Owner.Name} submitted stay in the cycle.",
            new { ownerId = incoming.Owner.Id });
    }

    /// <summary>
    /// A cycle whose orchestration Failed (an outage longer than the retry budget) or was terminated starts again under
    /// the same id. Everything it did is in Tables and every step is safe to repeat: invitations already sent are not
    /// sent again, answers stay, the stored deadline is kept. A cycle of an earlier version resumes as a current one
    /// (owners are then invited, reminded and receipted by the cycle; any legacy owner instance still running ends at its guard).
    /// </summary>
    async Task<CoordinatorResult> ResumeCoreAsync(DurableTaskClient client, string agreementId, int year, CancellationToken cancellationToken)
    {
        var cycle = await cycles.FindAsync(agreementId, year, cancellationToken);
        var instanceId = CycleIds.CycleInstance(agreementId, year);
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (cycle is null || instance is null)
        {
            return CoordinatorResult.NotFound($"Cycle {agreementId} {year} has not been started.");
        }

        if (instance.RuntimeStatus is not (OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated))
        {
            return CoordinatorResult.Conflict($"The cycle is {instance.RuntimeStatus}; only a Failed or Terminated cycle can be resumed.");
        }

        await client.PurgeInstanceAsync(instanceId, cancellation: cancellationToken);
        await starter.StartAsync(client, starter.InputFor(agreementId, year, cycle.DeadlineUtc), cancellationToken);
        return CoordinatorResult.Ok($"Cycle {instanceId} resumed ({(cycle.State == CycleState.Closed ? "closed: report and delivery are redone" : $"open until {cycle.DeadlineUtc:u}")}).");
    }

    /// <summary>
    /// The report. A closed cycle's is archived (regenerated on request, to the same name; the cycle row changes only
    /// its report name, under its ETag). An open cycle's is a preview made now and not archived: a report request
    /// never changes the state of a cycle.
    /// </summary>
    public async Task<(byte[] Bytes, string FileName)?> ReportAsync(string agreementId, int year, bool regenerate, string language, CancellationToken cancellationToken = default)
    {
        var cycle = await cycles.FindAsync(agreementId, year, cancellationToken);
        if (cycle is null)
        {
            return null;
        }

        if (cycle.State != CycleState.Closed)
        {
            return (await reports.GenerateAsync(agreementId, year, language, cancellationToken), $"forhandsvisning-{Path.GetFileName(ReportArchive.BlobName(agreementId, year, language))}");
        }

        var name = !regenerate && cycle.ReportBlobName is not null && language == "sv"
            ? cycle.ReportBlobName
            : await reports.GenerateAndArchiveAsync(agreementId, year, language, cancellationToken);
        return (await archive.ReadAsync(name, cancellationToken), Path.GetFileName(name));
    }

    /// <summary>Null when the instance runs; otherwise why an action that needs it cannot take effect.</summary>
    /// <summary>A fresh link in a new invitation mail (a new Message-ID: mail systems drop a repeated one as a duplicate).</summary>
    async Task SendLinkAsync(CycleOwner owner, CancellationToken cancellationToken)
    {
        var link = await links.IssueAsync(owner.Cycle.AgreementId, owner.Cycle.Year, owner.Owner.Id, cancellationToken);
        await mail.SendAsync(composer.Invitation(owner.Agreement, owner.Cycle, owner.Owner, link, reminderNumber: 0, sendId: Guid.NewGuid().ToString("N")), cancellationToken);
    }

    static async Task<CoordinatorResult?> NotRunningAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        return instance?.RuntimeStatus switch
        {
            null => CoordinatorResult.Conflict($"The cycle's orchestration {instanceId} does not exist; start the cycle first."),
            OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated =>
                CoordinatorResult.Conflict($"The cycle's orchestration has {instance.RuntimeStatus}: resume the cycle first (nothing was changed)."),
            OrchestrationRuntimeStatus.Completed => CoordinatorResult.Conflict("The cycle's orchestration has completed."),
            _ => null,
        };
    }

    /// <summary>
    /// One extra reminder, now, to every owner of a running cycle who has not submitted: a fresh link in a reminder
    /// mail numbered after the reminders they already had. It counts as that reminder, so a scheduled reminder of the
    /// same number is not sent again (no owner gets the same reminder twice); later scheduled ones still go out.
    /// </summary>
    public async Task<CoordinatorResult> RemindUnsubmittedAsync(string agreementId, int year, string actor, CancellationToken cancellationToken = default)
    {
        var cycle = await cycles.FindAsync(agreementId, year, cancellationToken);

        // The cycle's own roster: who answers in this cycle, not whoever the agreement names today.
        var agreement = cycle is null ? null : (await snapshots.FindRosterAsync(cycle, cancellationToken))?.ToAgreement();
        CoordinatorResult result;
        if (agreement is null || cycle is null)
        {
            result = CoordinatorResult.NotFound($"Cycle {agreementId} {year} does not exist.");
        }
        else if (cycle.State == CycleState.Closed)
        {
            result = CoordinatorResult.Conflict("The cycle is closed; no reminders are sent.");
        }
        else
        {
            var rows = await progress.ListAsync(cycle.Id, cancellationToken);
            var reminded = new List<string>();
            var failed = new List<string>();
            foreach (var owner in agreement.AnsweringOwners())
            {
                var current = rows.FirstOrDefault(r => r.OwnerId == owner.Id) ?? OwnerProgress.New(cycle.Id, owner.Id);
                if (current.SubmittedUtc is not null)
                {
                    continue;
                }

                var number = current.RemindersSent + 1;
                try
                {
                    var link = await links.IssueAsync(agreementId, year, owner.Id, cancellationToken);
                    await mail.SendAsync(composer.Invitation(agreement, cycle, owner, link, number), cancellationToken);
                    var now = time.GetUtcNow();
                    await progress.UpdateAsync(
                        cycle.Id, owner.Id, p => p with { InvitedUtc = p.InvitedUtc ?? now, RemindersSent = Math.Max(p.RemindersSent, number), LastRemindedUtc = now }, cancellationToken);
                    reminded.Add(owner.Name);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One unreachable mail server answer must not keep the others from their reminder.
                    failed.Add($"{owner.Name} ({e.Message})");
                }
            }

            var message = reminded.Count == 0 && failed.Count == 0
                ? "Everyone has submitted; no reminder was sent."
                : $"Extra reminder sent to {reminded.Count} owner(s) who have not submitted{(reminded.Count > 0 ? ": " + string.Join(", ", reminded) : string.Empty)}."
                  + (failed.Count > 0 ? $" Not sent to {failed.Count}: {string.Join("; ", failed)}." : string.Empty);
            result = failed.Count > 0 && reminded.Count == 0 ? new CoordinatorResult(502, message) : CoordinatorResult.Ok(message, new { reminded = reminded.Count, failed = failed.Count });
        }

        return await RecordAsync(agreementId, year, actor, "remind", null, result, cancellationToken);
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

        if (await returnRounds.FindAsync(agreementId, year, cancellationToken) is { State: ReturnRoundState.Open } round)
        {
            return CoordinatorResult.Conflict(
                $"Owners' forms are open again until {round.DeadlineUtc:u} after the return: the steering group decides on the revised report. Close the round first (nothing was recorded).");
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
