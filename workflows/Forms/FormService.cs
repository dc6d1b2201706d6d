using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Orchestration;
using Trygghetsuppfoljning.Workflows.Storage;
using Trygghetsuppfoljning.Workflows.Templates;

namespace Trygghetsuppfoljning.Workflows.Forms;

/// <summary>
/// The owner's form, host-agnostic: both hosts map GET/POST forms/{token} to these two calls. GET never changes
/// state. A submission stores the revision and the receipt it is owed in one transaction
/// (<see cref="ReceiptOutboxRepository"/>); no durable event, no orchestration woken per post.
/// </summary>
public sealed class FormService(
    TokenRepository tokens,
    CycleSnapshots snapshots,
    FinalAnswerStore finalAnswers,
    ResponseRepository responses,
    OwnerProgressRepository progress,
    FormValidator validator,
    FormPageRenderer pages,
    AntiforgeryProtector antiforgery,
    PostRateLimiter rateLimiter,
    IOptions<FormOptions> options,
    IOptions<CycleScheduleOptions> schedule,
    TimeProvider time,
    ILogger<FormService> logger,
    ReturnRoundRepository returnRounds,
    ISubmitCheckpoints checkpoints)
{
    public async Task<FormPage> ShowAsync(string token, string? language, CancellationToken cancellationToken = default)
    {
        try
        {
            var resolution = await ResolveAsync(token, cancellationToken);
            if (resolution?.Closed is { } closed)
            {
                return await ClosedPageAsync(closed, language is null ? closed.Owner.Language : TextCatalog.Normalize(language), cancellationToken);
            }

            if (resolution?.Open is not { } context)
            {
                return pages.NotFound(TextCatalog.Normalize(language));
            }

            var lang = language is null ? context.Owner.Language : TextCatalog.Normalize(language);
            var latest = await responses.LatestAsync(context.Cycle, context.Owner.Id, cancellationToken);
            var typed = latest is null ? new Dictionary<string, string>() : FormPageRenderer.FieldsOf(context, latest);
            return pages.Form(context, lang, typed, [], antiforgery.Issue(context.TokenHash), await LastYearAsync(context, cancellationToken), latest, notice: null, statusCode: 200, lateUntilUtc: LateUntil(context));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Storage unreachable: a calm page that says so, never a 500 with a stack trace.
            logger.LogError(e, "Showing a form failed");
            return pages.Unavailable(TextCatalog.Normalize(language));
        }
    }

    public async Task<FormPage> SubmitAsync(string token, FormSubmission submission, CancellationToken cancellationToken = default)
    {
        var requested = submission.Fields.FirstOrDefault(f => f.Key == FormFields.Language).Value;
        Resolution? resolution;
        try
        {
            resolution = await ResolveAsync(token, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Without the link's context the form cannot be redrawn; the page tells the owner that their browser
            // still holds what they typed (Back) and that nothing was saved.
            logger.LogError(e, "Resolving a form link failed");
            return pages.Unavailable(TextCatalog.Normalize(requested));
        }

        if (resolution?.Closed is { } closed)
        {
            // Nothing is stored after the close; the page says so and whether an earlier answer arrived.
            return await ClosedPageAsync(closed, requested is null ? closed.Owner.Language : TextCatalog.Normalize(requested), cancellationToken);
        }

        if (resolution?.Open is not { } context)
        {
            return pages.NotFound(TextCatalog.Normalize(requested));
        }

        var lang = requested is null ? context.Owner.Language : TextCatalog.Normalize(requested);
        if (rateLimiter.TryAcquire(context.TokenHash, submission.ClientAddress) is { } wait)
        {
            return pages.RateLimited(lang, wait);
        }

        if (submission.ContentLength > options.Value.MaxRequestBytes || submission.Fields.Count > options.Value.MaxFields)
        {
            return pages.TooLarge(lang, options.Value.MaxRequestBytes);
        }

        var result = validator.Validate(context, submission.Fields, lang);
        var lastYear = await LastYearAsync(context, cancellationToken);
        var freshAntiforgery = antiforgery.Issue(context.TokenHash);
        if (submission.Fields.FirstOrDefault(f => f.Key == FormFields.SwitchLanguage).Value is { } switchTo)
        {
            // The language switch: the same form in the other language with everything typed, nothing stored, no errors yet.
            var other = TextCatalog.Normalize(switchTo);
            return pages.Form(context, other, validator.Validate(context, submission.Fields, other).Typed, [], freshAntiforgery, lastYear, null, null, 200, LateUntil(context));
        }

        if (!antiforgery.IsValid(context.TokenHash, result.Typed.GetValueOrDefault(FormFields.Antiforgery)))
        {
            // Expired or forged: nothing is stored, everything typed is shown again with a fresh value.
            return pages.Form(context, lang, result.Typed, result.Errors, freshAntiforgery, lastYear, null, "form.notice.expired", 400, LateUntil(context));
        }

        if (!result.IsValid)
        {
            return pages.Form(context, lang, result.Typed, result.Errors, freshAntiforgery, lastYear, null, null, 400, LateUntil(context));
        }

        OwnerResponse saved;
        try
        {
            var kind = result.Submit ? ResponseKind.Submitted : ResponseKind.Draft;
            var now = time.GetUtcNow();
            saved = await responses.AppendAsync(context.Cycle, context.Owner.Id, kind, now, result.Answers, now + schedule.Value.ReceiptDebounce, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Storing the answers of {Owner} in {Cycle} failed", context.Owner.Id, context.Cycle.Id);
            return pages.Form(context, lang, result.Typed, [], freshAntiforgery, lastYear, null, "form.notice.storage-failed", 503, LateUntil(context));
        }

        checkpoints.Reached(SubmitCheckpoint.AnswerStored);

        // The revision and its receipt are safe from here on; progress is best effort (the revisions are the truth).
        try
        {
            await progress.RecordSaveAsync(context.Cycle.Id, context.Owner.Id, saved.Kind, saved.SavedUtc, cancellationToken);
            checkpoints.Reached(SubmitCheckpoint.ProgressRecorded);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Revision {Revision} of {Owner} is stored, but its progress row was not updated", saved.Revision, context.Owner.Id);
        }

        return pages.Confirmation(context, lang, saved, token);
    }

    /// <summary>What a link leads to: the open form, or the closed cycle's page. Null: a dead link (the neutral page).</summary>
    sealed record Resolution(OwnerFormContext? Open, CycleOwner? Closed);

    /// <summary>Token → cycle → this owner's roster row: keyed reads only, whatever the size of the agreement.</summary>
    async Task<Resolution?> ResolveAsync(string token, CancellationToken cancellationToken)
    {
        var hash = LinkToken.HashOf(token);
        if (hash is null)
        {
            return null;
        }

        var record = await tokens.FindAsync(hash, cancellationToken);
        if (record is null || record.RevokedUtc is not null || !LinkToken.Matches(token, record.TokenHash))
        {
            return null;
        }

        var owner = await snapshots.FindOwnerAsync(record.AgreementId, record.Year, record.OwnerId, cancellationToken);
        if (owner is not { Roster.IsActive: true } || owner.Measures.Count == 0)
        {
            return null;
        }

        if (owner.Cycle.State == CycleState.Open)
        {
            return new Resolution(new OwnerFormContext(owner.Agreement, owner.Cycle, owner.Owner, owner.Measures, hash), null);
        }

        // A closed cycle: open again only for an owner the coordinator reopened after the steering group's return,
        // until that round's deadline (one keyed read more); everyone else's link shows the closed page.
        return await returnRounds.FindAsync(record.AgreementId, record.Year, cancellationToken) is { } round && round.Reopens(owner.Owner.Id)
            ? new Resolution(new OwnerFormContext(owner.Agreement, owner.Cycle with { State = CycleState.Open, DeadlineUtc = round.DeadlineUtc }, owner.Owner, owner.Measures, hash), null)
            : new Resolution(null, owner);
    }

    /// <summary>A closed cycle's link: the follow-up is over, and whether (and when) this owner's answer arrived.</summary>
    async Task<FormPage> ClosedPageAsync(CycleOwner owner, string lang, CancellationToken cancellationToken)
    {
        var submitted = await responses.LatestSubmittedAsync(owner.Cycle, owner.Owner.Id, cancellationToken);
        return pages.Closed(lang, owner.Agreement, owner.Cycle.Year, submitted is not null, submitted?.SavedUtc);
    }

    /// <summary>After the deadline, until the cycle closes, answers are late but welcome: until the end of the grace period.</summary>
    DateTimeOffset? LateUntil(OwnerFormContext context) =>
        time.GetUtcNow() > context.Cycle.DeadlineUtc ? context.Cycle.DeadlineUtc + schedule.Value.GracePeriod : null;

    /// <summary>Last year's answers are for reference only: if they cannot be read, the form goes on without them.</summary>
    async Task<OwnerResponse?> LastYearAsync(OwnerFormContext context, CancellationToken cancellationToken)
    {
        try
        {
            // Last year's final answers for this owner's measures, whoever gave them: one keyed read per measure.
            var answers = await finalAnswers.PreviousYearAsync(context.Agreement.Id, context.Cycle.Year, context.Measures.Select(m => m.Id), cancellationToken);
            return answers.Count == 0
                ? null
                : new OwnerResponse(CycleIds.For(context.Agreement.Id, context.Cycle.Year - 1), context.Owner.Id, 0, ResponseKind.Submitted, answers.Max(a => a.SavedUtc), answers.Select(a => a.Answer).ToList());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Last year's answers for {Owner} could not be read", context.Owner.Id);
            return null;
        }
    }
}
