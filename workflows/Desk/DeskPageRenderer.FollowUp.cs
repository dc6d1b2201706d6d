using System.Globalization;
using Trygghetsuppfoljning.Workflows.Coordination;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Mail;
using Trygghetsuppfoljning.Workflows.Templates;

namespace Trygghetsuppfoljning.Workflows.Desk;

/// <summary>
/// The desk's part of closing the loop (issue 13): the steering group's decision and a return round on the cycle page,
/// the owners to reopen on the confirm page, and the effect figures page (texts: desk.followup.* in templates/texts/desk.*.json).
/// </summary>
public sealed partial class DeskPageRenderer
{
    const string ReopenFieldPrefix = "reopen-";

    public sealed record EffectRow(Measure Measure, Indicator Indicator, EffectFigure? Figure);

    /// <summary>The owner ids ticked on the reopen confirm page (one checkbox field per owner).</summary>
    public static IReadOnlyList<string> ChosenOwners(IReadOnlyDictionary<string, string> form) =>
        form.Where(f => f.Key.StartsWith(ReopenFieldPrefix, StringComparison.Ordinal) && f.Value == "on").Select(f => f.Key[ReopenFieldPrefix.Length..]).ToList();

    /// <summary>An audit action's name; one without a text of its own (a newer action) shows as its id rather than breaking the page.</summary>
    string ActionName(string lang, string action) =>
        Texts.All(lang).TryGetValue($"desk.action.{action}.name", out var name) ? name : action;

    void AddFollowUp(Dictionary<string, object?> model, DeskContext c, CycleStatus status, SteeringDecision? decision, ReturnRound? round)
    {
        var basePath = $"/desk/cycles/{Uri.EscapeDataString(status.AgreementId)}/{status.Year}";
        var closed = status.State == CycleState.Closed;
        var roundOpen = round is { State: ReturnRoundState.Open };
        model["effects_href"] = $"{basePath}/effects?lang={c.Lang}";
        model["decision"] = decision is null ? null
            : decision.Approved ? Texts.Format(c.Lang, "approval.decided.approved", Date(decision.DecidedOn, c.Lang))
            : Texts.Format(c.Lang, "approval.decided.returned", Date(decision.DecidedOn, c.Lang)) + (string.IsNullOrWhiteSpace(decision.Note) ? string.Empty : $": {decision.Note}");
        model["reopen_href"] = closed && decision is { Approved: false } && !roundOpen ? $"{basePath}/reopen?lang={c.Lang}" : null;
        model["close_round_href"] = roundOpen ? $"{basePath}/close-round?lang={c.Lang}" : null;
        var names = status.Owners.ToDictionary(o => o.OwnerId, o => o.Name, StringComparer.Ordinal);
        model["round"] = round is null ? null : Texts.Format(
            c.Lang,
            roundOpen ? "desk.followup.round-open" : "desk.followup.round-closed",
            string.Join(", ", round.OwnerIds.Select(id => names.GetValueOrDefault(id, id))),
            MailComposer.FormatTime(roundOpen ? round.DeadlineUtc : round.ClosedUtc ?? round.DeadlineUtc, c.Lang));
    }

    List<Dictionary<string, object?>> OwnerChoices(DeskContext c, Agreement agreement, IReadOnlyDictionary<string, string> typed) =>
        agreement.AnsweringOwners().OrderBy(o => o.Name, StringComparer.CurrentCulture).Select(o => new Dictionary<string, object?>
        {
            ["field"] = ReopenFieldPrefix + o.Id,
            ["name"] = o.Name,
            ["organisation"] = Texts.Organisation(c.Lang, o.Organisation),
            ["checked"] = typed.GetValueOrDefault(ReopenFieldPrefix + o.Id) == "on",
        }).ToList();

    /// <summary>
    /// The effect indicators of a cycle with their figures (value, source, date, who entered it) and a form to enter one.
    /// <paramref name="result"/> is the answer to a POST (the service's own message, as the API gives it).
    /// </summary>
    public DeskResponse Effects(
        DeskContext c, Agreement agreement, int year, IReadOnlyList<EffectRow> rows, IReadOnlyDictionary<string, string> typed, CoordinatorResult? result, string? errorKey, int statusCode)
    {
        var model = Common(c);
        var culture = TextCatalog.Culture(c.Lang);
        var basePath = $"/desk/cycles/{Uri.EscapeDataString(agreement.Id)}/{year}";
        model["agreement"] = agreement.Title;
        model["year"] = year;
        model["post"] = $"{basePath}/effects";
        model["back"] = $"{basePath}?lang={c.Lang}";
        model["rows"] = rows.Select(r => new Dictionary<string, object?>
        {
            ["key"] = $"{r.Measure.Id}/{r.Indicator.Id}",
            ["measure"] = r.Measure.Label,
            ["indicator"] = r.Indicator.Name,
            ["unit"] = r.Indicator.Unit,
            ["baseline"] = r.Indicator.Baseline is { } b ? $"{b.ToString("G29", culture)} {r.Indicator.Unit}" : "–",
            ["value"] = r.Figure is { } f ? $"{f.Value.ToString("G29", culture)} {r.Indicator.Unit}" : null,
            ["source"] = r.Figure?.Source,
            ["source_date"] = r.Figure is { } d ? Date(d.SourceDate, c.Lang) : null,
            ["entered"] = r.Figure is { } e ? Texts.Format(c.Lang, "desk.effects.entered", e.EnteredBy, MailComposer.FormatTime(e.EnteredUtc, c.Lang)) : null,
            ["selected"] = typed.GetValueOrDefault("indicator") == $"{r.Measure.Id}/{r.Indicator.Id}",
        }).ToList();
        model["typed"] = typed;
        model["date_value"] = typed.GetValueOrDefault("date") ?? SwedishTime.DateOf(time.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        model["error"] = errorKey is not null ? Texts.Get(c.Lang, errorKey) : result is { StatusCode: >= 400 } ? result.Message : null;
        model["saved"] = result is { StatusCode: < 400 } ? result.Message : null;
        return Page("desk/effects.liquid", c, model, statusCode);
    }

    static string Date(DateOnly date, string lang) => date.ToString("d MMMM yyyy", TextCatalog.Culture(lang));
}
