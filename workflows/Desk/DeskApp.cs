using Azure;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Trygghetsuppfoljning.Workflows.Coordination;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Forms;
using Trygghetsuppfoljning.Workflows.Import;
using Trygghetsuppfoljning.Workflows.Security;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Desk;

/// <summary>
/// The coordinator's desk, shared by both hosts: decides who may enter, checks every POST's anti-forgery value before
/// anything else, and maps each page or action to one call into <see cref="CoordinatorService"/> (which audits it) or
/// a read of Tables. GETs never change anything; every change is a POST from a confirm page.
/// </summary>
public sealed partial class DeskApp(
    DeskSessions sessions,
    AntiforgeryProtector antiforgery,
    DeskPageRenderer pages,
    CoordinatorService coordinator,
    AgreementRepository agreements,
    CycleRepository cycles,
    OwnerProgressRepository progress,
    ResponseRepository responses,
    AggregateRepository aggregates,
    MailEventRepository mailEvents,
    ImportDraftStore drafts,
    IOptions<StaffOptions> staff,
    ILogger<DeskApp> logger,
    Effects.EffectFigureService effects)
{
    /// <param name="request">Null when the host could not read the body (too large or malformed): nothing happens.</param>
    public async Task<DeskResponse> HandleAsync(DeskRequest? request, DeskAuthentication mode, DurableTaskClient client, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            return pages.Problem(new DeskContext(null, TextCatalogDefault, null, "/desk"), 413, "too-large");
        }

        var bare = new DeskContext(null, request.Lang, null, "/desk/" + string.Join('/', request.Path));
        if (request.Path is ["signin"])
        {
            return mode == DeskAuthentication.SignInLink ? SignIn(request, bare) : pages.Problem(bare, 404, "not-found");
        }

        var (user, refusal) = Authenticate(request, mode);
        if (user is null)
        {
            return pages.Problem(bare, refusal, refusal == 403 ? "forbidden" : mode == DeskAuthentication.SignInLink ? "signed-out-local" : "signed-out");
        }

        var binding = "desk|" + user.Binding;
        if (request.IsPost && !antiforgery.IsValid(binding, request.Form.GetValueOrDefault(FormFields.Antiforgery)))
        {
            logger.LogWarning("Desk POST to {Path} without a valid anti-forgery value refused", string.Join('/', request.Path));
            return pages.Problem(bare with { User = user }, 400, "forged");
        }

        var context = new DeskContext(user, request.Lang, antiforgery.Issue(binding), SwitchPathOf(request));
        try
        {
            return await RouteAsync(request, context, client, cancellationToken);
        }
        catch (RequestFailedException e)
        {
            logger.LogError(e, "Storage failed while serving desk page {Path}", string.Join('/', request.Path));
            return pages.Problem(context, 503, "unavailable");
        }
    }

    const string TextCatalogDefault = Templates.TextCatalog.DefaultLanguage;

    async Task<DeskResponse> RouteAsync(DeskRequest r, DeskContext c, DurableTaskClient client, CancellationToken ct)
    {
        switch (r.IsPost, r.Path)
        {
            case (false, []):
                return await AgreementsAsync(c, ct);
            case (true, ["signout"]):
                sessions.End(r.SessionCookie);
                return pages.SignedOut(c with { User = null, Antiforgery = null }) with { SetCookies = [sessions.Cookie(null, r.Loopback)] };
            case (false, ["import"]):
                return pages.Import(c, null, 200);
            case (true, ["import"]):
                return await PreviewImportAsync(r, c, ct);
            case (true, ["import", "confirm"]):
                return await ConfirmImportAsync(r, c, ct);
            case (false, ["cycles", var a, var y]) when Year(y) is { } year:
                return await CycleAsync(c, client, a, year, ct);
            case (false, ["cycles", var a, var y, "report"]) when Year(y) is { } year:
                return await ReportPageAsync(c, a, year, ct);
            case (false, ["cycles", var a, var y, "report.docx"]) when Year(y) is { } year:
                return await coordinator.ReportAsync(a, year, regenerate: false, Templates.TextCatalog.Normalize(r.Query.GetValueOrDefault("document")), ct) is { } report
                    ? new DeskResponse(200, File: report.Bytes, FileName: report.FileName)
                    : pages.Problem(c, 404, "not-found");
            case (false, ["cycles", var a, var y, "effects"]) when Year(y) is { } year:
                return await EffectsPageAsync(c, a, year, null, null, 200, ct);
            case (true, ["cycles", var a, var y, "effects"]) when Year(y) is { } year:
                return await RecordEffectAsync(r, c, a, year, ct);
            case (false, ["cycles", var a, var y, var action]) when Year(y) is { } year && DeskAction.All.Contains(action):
                return await ConfirmPageAsync(r, c, a, year, action, null, 200, ct);
            case (true, ["cycles", var a, var y, var action]) when Year(y) is { } year && DeskAction.All.Contains(action):
                return await PerformAsync(r, c, client, a, year, action, ct);
            default:
                return pages.Problem(c, 404, "not-found");
        }
    }

    DeskResponse SignIn(DeskRequest r, DeskContext c)
    {
        if (!r.IsPost)
        {
            return pages.SignIn(c, r.Query.GetValueOrDefault("token") ?? string.Empty);
        }

        // The token is the proof here (there is no session yet to bind an anti-forgery value to); it works once.
        return sessions.Redeem(r.Form.GetValueOrDefault("token")) is { } session
            ? new DeskResponse(303, Location: $"/desk?lang={c.Lang}", SetCookies: [sessions.Cookie(session, r.Loopback)])
            : pages.Problem(c, 401, "signin-used");
    }

    (DeskUser? User, int Refusal) Authenticate(DeskRequest r, DeskAuthentication mode)
    {
        if (mode == DeskAuthentication.SignInLink)
        {
            return (sessions.UserOf(r.SessionCookie), 401);
        }

        var principal = StaffPrincipal.FromHeader(r.PrincipalHeader);
        if (principal is null)
        {
            return (null, 401);
        }

        return principal.HasRole(staff.Value.RequiredRole)
            ? (new DeskUser(principal.Name, $"principal|{principal.IdentityProvider}|{principal.Name}"), 0)
            : (null, 403);
    }

    async Task<DeskResponse> AgreementsAsync(DeskContext c, CancellationToken ct)
    {
        var rows = new List<DeskPageRenderer.AgreementOverview>();
        foreach (var agreement in (await agreements.ListAsync(ct)).OrderBy(a => a.Title, StringComparer.CurrentCulture))
        {
            var figures = (await aggregates.ListAsync(agreement.Id, ct)).ToDictionary(a => a.Year);
            var years = new List<DeskPageRenderer.CycleOverview>();
            foreach (var cycle in (await cycles.ListAsync(agreement.Id, ct)).OrderByDescending(x => x.Year))
            {
                double? rate = figures.TryGetValue(cycle.Year, out var f) ? f.ResponseRate : null;
                if (rate is null && agreement.AnsweringOwners().Count is > 0 and var total)
                {
                    var answered = (await progress.ListAsync(cycle.Id, ct)).Count(p => p.SubmittedUtc is not null);
                    rate = (double)answered / total;
                }

                years.Add(new DeskPageRenderer.CycleOverview(cycle, rate));
            }

            rows.Add(new DeskPageRenderer.AgreementOverview(agreement, years));
        }

        return pages.Agreements(c, rows);
    }

    async Task<DeskResponse> PreviewImportAsync(DeskRequest r, DeskContext c, CancellationToken ct)
    {
        if (r.Upload is not { Content.Length: > 0 } upload)
        {
            return pages.Import(c, "desk.import.no-file", 400);
        }

        ImportResult parsed;
        try
        {
            parsed = AgreementImporter.Parse(upload.Content);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or InvalidOperationException or System.Xml.XmlException)
        {
            parsed = ImportResult.Failed(new ImportError(null, null, e.Message));
        }

        if (!parsed.IsValid)
        {
            return pages.ImportPreview(c, upload.FileName, parsed.Lines, null, null, null);
        }

        var incoming = parsed.Agreement!;
        var changes = AgreementChanges.Between(await agreements.FindAsync(incoming.Id, ct), incoming);
        var draft = await drafts.SaveAsync(c.User!, upload.Content, ct);
        return pages.ImportPreview(c, upload.FileName, [], incoming, changes, draft);
    }

    async Task<DeskResponse> ConfirmImportAsync(DeskRequest r, DeskContext c, CancellationToken ct)
    {
        var draft = r.Form.GetValueOrDefault("draft");
        if (await drafts.FindAsync(c.User!, draft, ct) is not { } content)
        {
            return pages.Import(c, "desk.import.draft-gone", 409);
        }

        var result = await coordinator.ImportAgreementAsync(content, c.User!.Name, ct);
        await drafts.DeleteAsync(draft!, ct);
        var agreementId = result.Body is ImportSummary summary ? summary.AgreementId : null;
        return pages.Result(c, agreementId, null, "import", result);
    }

    async Task<DeskResponse> CycleAsync(DeskContext c, DurableTaskClient client, string agreementId, int year, CancellationToken ct)
    {
        var agreement = await agreements.FindAsync(agreementId, ct);
        var status = agreement is null ? null : await coordinator.StatusAsync(client, agreementId, year, ct);
        if (agreement is null || status is null)
        {
            return pages.Problem(c, 404, "not-found");
        }

        var started = status.State is not null;
        var cycleId = CycleIds.For(agreementId, year);
        var submitted = started ? await responses.LatestSubmittedAsync(cycleId, ct) : [];
        var mail = started ? await mailEvents.ListAsync(agreementId, year, ct) : [];
        var audit = await coordinator.AuditAsync(agreementId, year, ct);
        return pages.Cycle(
            c, agreement, status, submitted, mail, audit, await coordinator.SteeringDecisionAsync(agreementId, year, ct), await coordinator.ReturnRoundAsync(agreementId, year, ct));
    }

    async Task<DeskResponse> ReportPageAsync(DeskContext c, string agreementId, int year, CancellationToken ct)
    {
        var agreement = await agreements.FindAsync(agreementId, ct);
        var cycle = await cycles.FindAsync(agreementId, year, ct);
        if (agreement is null || cycle is null)
        {
            return pages.Problem(c, 404, "not-found");
        }

        var deliveries = (await mailEvents.ListAsync(agreementId, year, ct)).Where(e => e.Kind == "report-delivery").ToList();
        return pages.Report(c, agreement, cycle, deliveries);
    }

    async Task<DeskResponse> ConfirmPageAsync(DeskRequest r, DeskContext c, string agreementId, int year, string action, string? error, int statusCode, CancellationToken ct)
    {
        var agreement = await agreements.FindAsync(agreementId, ct);
        if (agreement is null)
        {
            return pages.Problem(c, 404, "not-found");
        }

        var cycle = await cycles.FindAsync(agreementId, year, ct);
        Owner? owner = null;
        if (DeskAction.NeedsOwner(action) && (owner = agreement.Owners.FirstOrDefault(o => o.Id == r.Field("owner"))) is null)
        {
            return pages.Problem(c, 404, "not-found");
        }

        return pages.Confirm(c, agreement, year, cycle, action, owner, r.Form, error, statusCode);
    }

    async Task<DeskResponse> PerformAsync(DeskRequest r, DeskContext c, DurableTaskClient client, string agreementId, int year, string action, CancellationToken ct)
    {
        var actor = c.User!.Name;
        var owner = r.Form.GetValueOrDefault("owner") ?? string.Empty;
        CoordinatorResult result;
        switch (action)
        {
            case DeskAction.Start:
                var deadline = Deadline(r.Form.GetValueOrDefault("deadline"));
                if (deadline is { Valid: false })
                {
                    return await ConfirmPageAsync(r, c, agreementId, year, action, "desk.error.date", 400, ct);
                }

                result = await coordinator.StartAsync(client, agreementId, year, deadline?.Utc, actor, ct);
                break;
            case DeskAction.Extend:
                if (Deadline(r.Form.GetValueOrDefault("deadline")) is not { Valid: true, Utc: { } newDeadline })
                {
                    return await ConfirmPageAsync(r, c, agreementId, year, action, "desk.error.date", 400, ct);
                }

                result = await coordinator.ExtendAsync(client, agreementId, year, newDeadline, actor, ct);
                break;
            case DeskAction.Close:
                result = await coordinator.CloseAsync(client, agreementId, year, actor, ct);
                break;
            case DeskAction.Remind:
                result = await coordinator.RemindUnsubmittedAsync(agreementId, year, actor, ct);
                break;
            case DeskAction.Resend:
                result = await coordinator.ResendLinkAsync(agreementId, year, owner, actor, ct);
                break;
            case DeskAction.Replace:
                if (!Enum.TryParse<Organisation>(r.Form.GetValueOrDefault("organisation"), out var organisation) || !Enum.IsDefined(organisation))
                {
                    return await ConfirmPageAsync(r, c, agreementId, year, action, "desk.error.organisation", 400, ct);
                }

                var replacement = new ReplacementOwner(
                    r.Form.GetValueOrDefault("name") ?? string.Empty,
                    r.Form.GetValueOrDefault("email") ?? string.Empty,
                    organisation,
                    Title: string.IsNullOrWhiteSpace(r.Form.GetValueOrDefault("title")) ? null : r.Form["title"].Trim(),
                    Language: Templates.TextCatalog.Normalize(r.Form.GetValueOrDefault("language")));
                result = await coordinator.ReplaceOwnerAsync(client, agreementId, year, owner, replacement, actor, ct);
                break;
            case DeskAction.Reopen:
                if (Deadline(r.Form.GetValueOrDefault("deadline")) is not { Valid: true, Utc: { } until })
                {
                    return await ConfirmPageAsync(r, c, agreementId, year, action, "desk.error.date", 400, ct);
                }

                var chosen = DeskPageRenderer.ChosenOwners(r.Form);
                if (chosen.Count == 0)
                {
                    return await ConfirmPageAsync(r, c, agreementId, year, action, "desk.reopen.error.none", 400, ct);
                }

                result = await coordinator.ReopenOwnersAsync(client, agreementId, year, chosen, until, actor, ct);
                break;
            case DeskAction.CloseRound:
                result = await coordinator.CloseReturnRoundAsync(client, agreementId, year, actor, ct);
                break;
            default:
                // Regenerate: both languages, archived under their stable names (the delivered report is not re-sent).
                var sv = await coordinator.ReportAsync(agreementId, year, regenerate: true, "sv", ct);
                var en = sv is null ? null : await coordinator.ReportAsync(agreementId, year, regenerate: true, "en", ct);
                result = sv is null || en is null
                    ? CoordinatorResult.NotFound($"Cycle {agreementId} {year} does not exist.")
                    : CoordinatorResult.Ok($"Report regenerated: {sv.Value.FileName}, {en.Value.FileName}.");
                break;
        }

        return pages.Result(c, agreementId, year, action, result);
    }

    /// <summary>A date field (yyyy-mm-dd) as the end of that day in Swedish time; null when left empty.</summary>
    static (bool Valid, DateTimeOffset? Utc)? Deadline(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            return (false, null);
        }

        var local = date.ToDateTime(new TimeOnly(23, 59), DateTimeKind.Unspecified);
        return (true, new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, SwedishTime.Zone), TimeSpan.Zero));
    }

    static int? Year(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2200 ? y : null;

    /// <summary>Where the language switch leads: the same page for a GET; for a POST's answer page, the page it came from.</summary>
    static string SwitchPathOf(DeskRequest r)
    {
        var path = "/desk" + (r.Path.Length == 0 ? string.Empty : "/" + string.Join('/', r.Path.Select(Uri.EscapeDataString)));
        if (!r.IsPost)
        {
            return r.Field("owner") is { } owner ? $"{path}?owner={Uri.EscapeDataString(owner)}&" : path + "?";
        }

        return r.Path switch
        {
            ["cycles", var a, var y, ..] => $"/desk/cycles/{Uri.EscapeDataString(a)}/{Uri.EscapeDataString(y)}?",
            ["import", ..] => "/desk/import?",
            _ => "/desk?",
        };
    }
}
