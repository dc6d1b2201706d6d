using System.Globalization;
using Trygghetsuppfoljning.Workflows.Coordination;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Import;
using Trygghetsuppfoljning.Workflows.Mail;
using Trygghetsuppfoljning.Workflows.Templates;

namespace Trygghetsuppfoljning.Workflows.Desk;

/// <summary>Turns what the desk read into view models and renders the pages in templates/desk/ (texts: templates/texts/desk.*.json).</summary>
public sealed partial class DeskPageRenderer(TemplateRenderer renderer, TimeProvider time)
{
    public sealed record CycleOverview(Cycle Cycle, double? ResponseRate);

    public sealed record AgreementOverview(Agreement Agreement, IReadOnlyList<CycleOverview> Cycles);

    TextCatalog Texts => renderer.Texts;

    public DeskResponse Problem(DeskContext c, int statusCode, string key)
    {
        var model = Common(c);
        model["title"] = Texts.Get(c.Lang, $"desk.problem.{key}.title");
        model["body"] = Texts.Get(c.Lang, $"desk.problem.{key}.body");
        return Page("desk/problem.liquid", c, model, statusCode);
    }

    public DeskResponse SignIn(DeskContext c, string token)
    {
        var model = Common(c);
        model["token"] = token;
        model["switch_href"] = $"/desk/signin?token={Uri.EscapeDataString(token)}&lang={Other(c.Lang)}";
        return Page("desk/signin.liquid", c, model, 200);
    }

    public DeskResponse SignedOut(DeskContext c) => Page("desk/signed-out.liquid", c, Common(c), 200);

    public DeskResponse Agreements(DeskContext c, IReadOnlyList<AgreementOverview> rows)
    {
        var model = Common(c);
        var defaultYear = time.GetUtcNow().Year - 1;
        model["default_year"] = defaultYear;
        model["agreements"] = rows.Select(row =>
        {
            var a = row.Agreement;
            return new Dictionary<string, object?>
            {
                ["id"] = a.Id,
                ["title"] = a.Title,
                ["municipality"] = a.Municipality,
                ["police_area"] = a.PoliceArea,
                ["signed_on"] = a.SignedOn.ToString("d MMMM yyyy", TextCatalog.Culture(c.Lang)),
                ["chair"] = a.Chair,
                ["coordinator"] = $"{a.Coordinator.Name} ({a.Coordinator.Email})",
                ["active"] = a.Active,
                ["focus_areas"] = a.FocusAreas.Select(f => new Dictionary<string, object?>
                {
                    ["title"] = f.Title,
                    ["measures"] = a.Measures.Where(m => m.FocusAreaId == f.Id).Select(m => new Dictionary<string, object?>
                    {
                        ["title"] = m.Title,
                        ["owner"] = a.Owners.FirstOrDefault(o => o.Id == m.OwnerId)?.Name ?? m.OwnerId,
                    }).ToList(),
                }).ToList(),
                ["owners"] = a.Owners.OrderBy(o => o.Name, StringComparer.CurrentCulture).Select(o => new Dictionary<string, object?>
                {
                    ["name"] = o.Name,
                    ["organisation"] = Texts.Organisation(c.Lang, o.Organisation),
                    ["email"] = o.Email,
                    ["measures"] = a.MeasuresOf(o.Id).Count(),
                }).ToList(),
                ["cycles"] = row.Cycles.Select(y => new Dictionary<string, object?>
                {
                    ["year"] = y.Cycle.Year,
                    ["href"] = $"/desk/cycles/{Uri.EscapeDataString(a.Id)}/{y.Cycle.Year}?lang={c.Lang}",
                    ["state"] = Texts.Get(c.Lang, $"desk.state.{y.Cycle.State}"),
                    ["deadline"] = MailComposer.FormatTime(y.Cycle.DeadlineUtc, c.Lang),
                    ["rate"] = y.ResponseRate is { } r ? r.ToString("P0", TextCatalog.Culture(c.Lang)) : "–",
                }).ToList(),
                ["start_href"] = row.Cycles.Any(y => y.Cycle.Year == defaultYear)
                    ? null
                    : $"/desk/cycles/{Uri.EscapeDataString(a.Id)}/{defaultYear}/start?lang={c.Lang}",
            };
        }).ToList();
        return Page("desk/agreements.liquid", c, model, 200);
    }

    public DeskResponse Import(DeskContext c, string? errorKey, int statusCode)
    {
        var model = Common(c);
        model["error"] = errorKey is null ? null : Texts.Get(c.Lang, errorKey);
        return Page("desk/import.liquid", c, model, statusCode);
    }

    public DeskResponse ImportPreview(DeskContext c, string fileName, IReadOnlyList<string> errors, Agreement? incoming, AgreementChanges? changes, string? draft)
    {
        var model = Common(c);
        model["file_name"] = fileName;
        model["errors"] = errors;
        model["draft"] = draft;
        if (incoming is not null && changes is not null)
        {
            model["agreement"] = new Dictionary<string, object?>
            {
                ["id"] = incoming.Id,
                ["title"] = incoming.Title,
                ["is_new"] = changes.IsNew,
                ["focus_areas"] = incoming.FocusAreas.Count,
                ["measures"] = incoming.Measures.Count,
                ["owners"] = incoming.AnsweringOwners().Count,
            };
            model["no_changes"] = changes.IsEmpty;
            model["has_removals"] = changes.HasRemovals;
            model["agreement_fields"] = changes.AgreementFieldsChanged.Select(f => Texts.Get(c.Lang, $"desk.field.{f}")).ToList();
            model["groups"] = new[]
            {
                Group(c, "measures-removed", changes.MeasuresRemoved, true),
                Group(c, "owners-removed", changes.OwnersRemoved, true),
                Group(c, "focus-areas-removed", changes.FocusAreasRemoved, true),
                Group(c, "measures-added", changes.MeasuresAdded, false),
                Group(c, "measures-changed", changes.MeasuresChanged, false),
                Group(c, "owners-added", changes.OwnersAdded, false),
                Group(c, "owners-changed", changes.OwnersChanged, false),
                Group(c, "focus-areas-added", changes.FocusAreasAdded, false),
                Group(c, "focus-areas-changed", changes.FocusAreasChanged, false),
            }.Where(g => ((List<Dictionary<string, object?>>)g["items"]!).Count > 0).ToList();
        }

        return Page("desk/import-preview.liquid", c, model, errors.Count > 0 ? 422 : 200);
    }

    Dictionary<string, object?> Group(DeskContext c, string key, IReadOnlyList<ItemChange> items, bool removal) => new()
    {
        ["heading"] = Texts.Format(c.Lang, $"desk.import.{key}", items.Count),
        ["removal"] = removal,
        ["items"] = items.Select(i => new Dictionary<string, object?>
        {
            ["id"] = i.Id,
            ["title"] = i.Title,
            ["fields"] = string.Join(", ", i.Fields.Select(f => Texts.Get(c.Lang, $"desk.field.{f}"))),
        }).ToList(),
    };

    public DeskResponse Cycle(
        DeskContext c, Agreement agreement, CycleStatus status, IReadOnlyList<OwnerResponse> submitted, IReadOnlyList<MailEvent> mail, IReadOnlyList<AuditEntry> audit,
        SteeringDecision? decision = null, ReturnRound? round = null)
    {
        var model = Common(c);
        AddFollowUp(model, c, status, decision, round);
        var open = status.State == CycleState.Open;
        var basePath = $"/desk/cycles/{Uri.EscapeDataString(agreement.Id)}/{status.Year}";
        model["agreement"] = agreement.Title;
        model["year"] = status.Year;
        model["started"] = status.State is not null;
        model["open"] = open;
        model["state"] = status.State is { } s ? Texts.Get(c.Lang, $"desk.state.{s}") : Texts.Get(c.Lang, "desk.state.none");
        model["deadline"] = status.DeadlineUtc is { } d ? MailComposer.FormatTime(d, c.Lang) : null;
        model["closed"] = status.ClosedUtc is { } closed ? MailComposer.FormatTime(closed, c.Lang) : null;
        model["base"] = basePath;
        model["has_report"] = status.ReportBlobName is not null;

        var failures = mail.Where(e => e.Outcome != MailOutcome.Sent && e.OwnerId is not null).GroupBy(e => e.OwnerId!).ToDictionary(g => g.Key, g => g.MaxBy(e => e.AtUtc)!);
        var latest = submitted.ToDictionary(r => r.OwnerId);
        model["owners"] = status.Owners.Select(o => new Dictionary<string, object?>
        {
            ["id"] = o.OwnerId,
            ["name"] = o.Name,
            ["organisation"] = Texts.Organisation(c.Lang, o.Organisation),
            ["state"] = Texts.Get(c.Lang, $"progress.{o.State}"),
            ["state_key"] = o.State.ToString(),
            ["invited"] = Time(o.InvitedUtc, c.Lang),
            ["reminders"] = o.RemindersSent,
            ["last_reminded"] = Time(o.LastRemindedUtc, c.Lang),
            ["draft"] = Time(o.DraftSavedUtc, c.Lang),
            ["submitted"] = Time(o.SubmittedUtc, c.Lang),
            ["revision"] = latest.TryGetValue(o.OwnerId, out var r) ? r.Revision : null,
            ["mail_failure"] = failures.TryGetValue(o.OwnerId, out var f)
                ? Texts.Format(c.Lang, $"desk.mail.{f.Outcome}", MailComposer.FormatTime(f.AtUtc, c.Lang), f.Recipients, f.Detail ?? string.Empty)
                : null,
            ["resend_href"] = $"{basePath}/resend?owner={Uri.EscapeDataString(o.OwnerId)}&lang={c.Lang}",
            ["replace_href"] = $"{basePath}/replace?owner={Uri.EscapeDataString(o.OwnerId)}&lang={c.Lang}",
        }).ToList();

        var total = status.Owners.Count;
        var answered = status.Owners.Count(o => o.State == OwnerProgressState.Submitted);
        model["counts"] = new Dictionary<string, object?>
        {
            ["total"] = total,
            ["submitted"] = answered,
            ["not_submitted"] = total - answered,
            ["drafts"] = status.Owners.Count(o => o.State == OwnerProgressState.Draft),
            ["missing"] = status.Owners.Count(o => o.State == OwnerProgressState.Missing),
            ["mail_failures"] = failures.Count,
            ["rate"] = total == 0 ? "–" : ((double)answered / total).ToString("P0", TextCatalog.Culture(c.Lang)),
        };
        model["audit"] = audit.Select(e => new Dictionary<string, object?>
        {
            ["at"] = MailComposer.FormatTime(e.AtUtc, c.Lang),
            ["actor"] = e.Actor,
            ["action"] = ActionName(c.Lang, e.Action),
            ["target"] = e.Target,
            ["result"] = e.Result,
            ["ok"] = e.Result < 400,
            ["message"] = e.Message,
        }).ToList();
        return Page("desk/cycle.liquid", c, model, 200);
    }

    public DeskResponse Report(DeskContext c, Agreement agreement, Cycle cycle, IReadOnlyList<MailEvent> deliveries)
    {
        var model = Common(c);
        var basePath = $"/desk/cycles/{Uri.EscapeDataString(agreement.Id)}/{cycle.Year}";
        model["agreement"] = agreement.Title;
        model["year"] = cycle.Year;
        model["base"] = basePath;
        model["closed"] = cycle.State == CycleState.Closed;
        model["deliveries"] = deliveries.Select(e => new Dictionary<string, object?>
        {
            ["at"] = MailComposer.FormatTime(e.AtUtc, c.Lang),
            ["outcome"] = Texts.Get(c.Lang, $"desk.outcome.{e.Outcome}"),
            ["recipients"] = e.Recipients,
            ["detail"] = e.Detail,
        }).ToList();
        return Page("desk/report.liquid", c, model, 200);
    }

    public DeskResponse Confirm(
        DeskContext c, Agreement agreement, int year, Cycle? cycle, string action, Owner? owner, IReadOnlyDictionary<string, string> typed, string? errorKey, int statusCode)
    {
        var model = Common(c);
        model["agreement"] = agreement.Title;
        model["year"] = year;
        model["action"] = action;
        model["title"] = Texts.Get(c.Lang, $"desk.action.{action}.title");
        model["explain"] = Texts.Format(c.Lang, $"desk.action.{action}.explain", owner?.Name ?? string.Empty, cycle is null ? "–" : MailComposer.FormatTime(cycle.DeadlineUtc, c.Lang));
        model["button"] = Texts.Get(c.Lang, $"desk.action.{action}.button");
        model["post"] = $"/desk/cycles/{Uri.EscapeDataString(agreement.Id)}/{year}/{action}";
        model["back"] = $"/desk/cycles/{Uri.EscapeDataString(agreement.Id)}/{year}?lang={c.Lang}";
        model["owner_id"] = owner?.Id;
        model["error"] = errorKey is null ? null : Texts.Get(c.Lang, errorKey);
        model["needs_date"] = action is DeskAction.Start or DeskAction.Extend or DeskAction.Reopen;
        model["date_required"] = action is DeskAction.Extend or DeskAction.Reopen;
        model["date_hint"] = Texts.Get(c.Lang, $"desk.confirm.deadline-hint-{(action is DeskAction.Start ? "start" : "extend")}");
        model["date_value"] = typed.GetValueOrDefault("deadline")
            ?? (action == DeskAction.Extend && cycle is not null ? SwedishTime.DateOf(cycle.DeadlineUtc).AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : action == DeskAction.Reopen ? SwedishTime.DateOf(time.GetUtcNow()).AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : string.Empty);
        model["owner_choices"] = action == DeskAction.Reopen ? OwnerChoices(c, agreement, typed) : null;
        model["needs_person"] = action == DeskAction.Replace;
        model["typed"] = typed;
        model["organisations"] = Enum.GetValues<Organisation>().Select(o => new Dictionary<string, object?>
        {
            ["value"] = o.ToString(),
            ["label"] = Texts.Organisation(c.Lang, o),
            ["checked"] = typed.GetValueOrDefault("organisation") == o.ToString() || (!typed.ContainsKey("organisation") && owner?.Organisation == o),
        }).ToList();
        return Page("desk/confirm.liquid", c, model, statusCode);
    }

    public DeskResponse Result(DeskContext c, string? agreementId, int? year, string action, CoordinatorResult result)
    {
        var model = Common(c);
        model["ok"] = result.StatusCode < 400;
        model["title"] = Texts.Get(c.Lang, $"desk.action.{action}.name");
        model["headline"] = Texts.Get(c.Lang, result.StatusCode < 400 ? "desk.result.done" : "desk.result.not-done");
        model["message"] = result.Message;
        model["errors"] = result.Body is { } body && body.GetType().GetProperty("errors")?.GetValue(body) is IEnumerable<string> lines ? lines.ToList() : [];
        model["back"] = agreementId is null ? $"/desk?lang={c.Lang}"
            : year is null ? $"/desk?lang={c.Lang}#a-{agreementId}"
            : $"/desk/cycles/{Uri.EscapeDataString(agreementId)}/{year}?lang={c.Lang}";
        return Page("desk/result.liquid", c, model, result.StatusCode is >= 400 and < 600 ? result.StatusCode : 200);
    }

    static string? Time(DateTimeOffset? utc, string lang) => utc is { } t ? MailComposer.FormatTime(t, lang) : null;

    static string Other(string lang) => lang == "sv" ? "en" : "sv";

    static Dictionary<string, object?> Common(DeskContext c) => new()
    {
        ["user"] = c.User?.Name,
        ["af"] = c.Antiforgery,
        ["other_lang"] = Other(c.Lang),
        ["switch_href"] = c.SwitchPath + (c.SwitchPath.EndsWith('?') || c.SwitchPath.EndsWith('&') ? string.Empty : c.SwitchPath.Contains('?') ? "&" : "?") + $"lang={Other(c.Lang)}",
    };

    DeskResponse Page(string template, DeskContext c, Dictionary<string, object?> model, int statusCode) =>
        new(statusCode, renderer.Render(template, c.Lang, model));
}
