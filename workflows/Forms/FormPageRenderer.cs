using System.Globalization;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Mail;
using Trygghetsuppfoljning.Workflows.Templates;

namespace Trygghetsuppfoljning.Workflows.Forms;

/// <summary>Turns form state into view models and renders the pages in templates/form/.</summary>
public sealed class FormPageRenderer(TemplateRenderer renderer)
{
    static readonly IReadOnlyDictionary<string, string> NoStore = new Dictionary<string, string>
    {
        ["Cache-Control"] = "no-store",
        ["Referrer-Policy"] = "no-referrer",
        ["X-Content-Type-Options"] = "nosniff",
        ["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    };

    TextCatalog Texts => renderer.Texts;

    /// <summary>The one page for every link that does not lead to a form: unknown, malformed, revoked, closed, foreign.
    /// It depends on nothing but the language, so it cannot reveal whether a token ever existed.</summary>
    public FormPage NotFound(string lang) =>
        Page("form/not-found.liquid", lang, Switchable(lang), 404);

    /// <summary>
    /// A closed cycle's link: the follow-up is over, and whether this owner's answer was received (with when, if
    /// known). Branded like the form, never "invalid link": the owner did nothing wrong.
    /// </summary>
    public FormPage Closed(string lang, Agreement agreement, int year, bool answerReceived, DateTimeOffset? receivedUtc = null)
    {
        var model = Switchable(lang);
        model["municipality"] = agreement.Municipality;
        model["agreement"] = agreement.Title;
        model["year"] = year;
        model["received"] = answerReceived;
        model["received_at"] = receivedUtc is { } at ? MailComposer.FormatTime(at, lang) : null;
        model["coordinator"] = agreement.Coordinator.Name;
        model["coordinator_email"] = agreement.Coordinator.Email;
        return Page("form/closed.liquid", lang, model, 200);
    }

    /// <summary>Storage could not be reached before the form could be drawn.</summary>
    public FormPage Unavailable(string lang) =>
        Page("form/unavailable.liquid", lang, Switchable(lang), 503);

    /// <summary>A body no browser sends (broken multipart, malformed encoding): nothing was read, nothing stored.</summary>
    public FormPage Unreadable(string lang) =>
        Page("form/unreadable.liquid", lang, new Dictionary<string, object?>(), 400);

    public FormPage RateLimited(string lang, TimeSpan wait) =>
        Page("form/rate-limited.liquid", lang, new Dictionary<string, object?> { ["minutes"] = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes)) }, 429);

    public FormPage TooLarge(string lang, int maxBytes) =>
        Page("form/too-large.liquid", lang, new Dictionary<string, object?> { ["max_kb"] = maxBytes / 1024 }, 413);

    public FormPage Confirmation(OwnerFormContext context, string lang, OwnerResponse saved, string token)
    {
        var model = Common(context, lang);
        model["submitted"] = saved.Kind == ResponseKind.Submitted;
        model["revision"] = saved.Revision;
        model["saved"] = MailComposer.FormatTime(saved.SavedUtc, lang);
        model["back"] = $"{token}?lang={lang}";
        model["answers"] = context.Measures.Select(m =>
        {
            var a = saved.Answers.FirstOrDefault(x => x.MeasureId == m.Id);
            return new Dictionary<string, object?>
            {
                ["title"] = m.Label,
                ["status"] = a?.Status is { } s ? Texts.Status(lang, s) : "–",
                ["light"] = a?.Light is { } l ? Texts.Light(lang, l) : "–",
                ["comment"] = a?.Comment ?? string.Empty,
                ["plan"] = a?.NextYearPlan ?? string.Empty,
                ["public_note"] = a?.PublicNote ?? string.Empty,
                ["indicators"] = m.Indicators.Where(i => i.Kind != IndicatorKind.Effekt).Select(i => new Dictionary<string, object?>
                {
                    ["name"] = i.Name,
                    ["unit"] = i.Unit,
                    ["value"] = a?.IndicatorValues.GetValueOrDefault(i.Id) is { } v ? v.ToString(TextCatalog.Culture(lang)) : "–",
                }).ToList(),
            };
        }).ToList();
        return Page("form/confirmation.liquid", lang, model, 200);
    }

    public FormPage Form(
        OwnerFormContext context,
        string lang,
        IReadOnlyDictionary<string, string> typed,
        IReadOnlyList<KeyValuePair<string, string>> errors,
        string antiforgeryValue,
        OwnerResponse? lastYear,
        OwnerResponse? latest,
        string? notice,
        int statusCode,
        DateTimeOffset? lateUntilUtc = null)
    {
        var model = Common(context, lang);

        // Past the deadline but before close: the answer is late, still welcome, and the owner should know until when.
        model["late_until"] = lateUntilUtc is { } until ? MailComposer.FormatTime(until, lang) : null;
        model["antiforgery"] = antiforgeryValue;
        model["notice"] = notice is null ? null : Texts.Get(lang, notice);
        model["latest"] = latest is null ? null : new Dictionary<string, object?>
        {
            ["submitted"] = latest.Kind == ResponseKind.Submitted,
            ["saved"] = MailComposer.FormatTime(latest.SavedUtc, lang),
        };
        // The summary names the measure with each message: three "Choose a status." links would not say which is which.
        model["errors"] = errors.Select(e => new Dictionary<string, object?>
        {
            ["field"] = e.Key.Length == 0 ? null : FieldId(e.Key),
            ["measure"] = context.Measures.FirstOrDefault(m => e.Key.StartsWith($"m.{m.Id}.", StringComparison.Ordinal))?.Label,
            ["message"] = e.Value,
        }).ToList();
        model["focus_areas"] = context.Agreement.FocusAreas
            .Where(a => context.Measures.Any(m => m.FocusAreaId == a.Id))
            .Select(a => new Dictionary<string, object?>
            {
                ["title"] = a.Title,
                ["measures"] = context.Measures.Where(m => m.FocusAreaId == a.Id).Select(m => MeasureModel(m, lang, typed, errors, lastYear)).ToList(),
            }).ToList();
        return Page("form/form.liquid", lang, model, statusCode);
    }

    /// <summary>A stored revision as the form fields that would reproduce it.</summary>
    public static Dictionary<string, string> FieldsOf(OwnerFormContext context, OwnerResponse response)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in response.Answers)
        {
            fields[FormFields.Status(a.MeasureId)] = a.Status?.ToString() ?? string.Empty;
            fields[FormFields.Light(a.MeasureId)] = a.Light?.ToString() ?? string.Empty;
            fields[FormFields.Comment(a.MeasureId)] = a.Comment;
            fields[FormFields.Plan(a.MeasureId)] = a.NextYearPlan;
            fields[FormFields.PublicNote(a.MeasureId)] = a.PublicNote ?? string.Empty;
            foreach (var (indicatorId, value) in a.IndicatorValues)
            {
                fields[FormFields.Indicator(a.MeasureId, indicatorId)] = value?.ToString(CultureInfo.GetCultureInfo("sv-SE")) ?? string.Empty;
            }
        }

        return fields;
    }

    /// <summary>HTML id of a field: names contain dots, ids keep to letters, digits, '-' and '_'.</summary>
    public static string FieldId(string fieldName) =>
        "f-" + string.Concat(fieldName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c.ToString() : $"_{(int)c:x}"));

    Dictionary<string, object?> MeasureModel(
        Measure m, string lang, IReadOnlyDictionary<string, string> typed, IReadOnlyList<KeyValuePair<string, string>> errors, OwnerResponse? lastYear)
    {
        string ErrorOf(string field) => string.Join(" ", errors.Where(e => e.Key == field).Select(e => e.Value));
        Dictionary<string, object?> Field(string name) => new()
        {
            ["name"] = name,
            ["id"] = FieldId(name),
            ["value"] = typed.GetValueOrDefault(name, string.Empty),
            ["error"] = ErrorOf(name),
        };

        var previous = lastYear?.Answers.FirstOrDefault(a => a.MeasureId == m.Id);
        var status = Field(FormFields.Status(m.Id));
        status["options"] = Enum.GetValues<MeasureStatus>().Select(s => new Dictionary<string, object?>
        {
            ["value"] = s.ToString(),
            ["label"] = Texts.Status(lang, s),
            ["id"] = FieldId($"{FormFields.Status(m.Id)}.{s}"),
            ["checked"] = (string?)status["value"] == s.ToString(),
        }).ToList();
        var light = Field(FormFields.Light(m.Id));
        light["options"] = Enum.GetValues<TrafficLight>().Select(l => new Dictionary<string, object?>
        {
            ["value"] = l.ToString(),
            ["label"] = Texts.Light(lang, l),
            ["id"] = FieldId($"{FormFields.Light(m.Id)}.{l}"),
            ["checked"] = (string?)light["value"] == l.ToString(),
        }).ToList();

        return new Dictionary<string, object?>
        {
            ["id"] = m.Id,
            ["code"] = string.IsNullOrWhiteSpace(m.Code) ? null : m.Code,
            ["title"] = m.Title,
            ["description"] = m.Description,
            ["status"] = status,
            ["light"] = light,
            ["comment"] = Field(FormFields.Comment(m.Id)),
            ["plan"] = Field(FormFields.Plan(m.Id)),
            ["public_note"] = Field(FormFields.PublicNote(m.Id)),
            ["indicators"] = m.Indicators.Where(i => i.Kind != IndicatorKind.Effekt).Select(i =>
            {
                var f = Field(FormFields.Indicator(m.Id, i.Id));
                f["label"] = i.Name;
                f["unit"] = i.Unit;
                f["target"] = i.Target?.ToString(TextCatalog.Culture(lang));
                f["baseline"] = i.Baseline?.ToString(TextCatalog.Culture(lang));
                f["last_year"] = previous?.IndicatorValues.GetValueOrDefault(i.Id)?.ToString(TextCatalog.Culture(lang));
                return f;
            }).ToList(),
            ["last_year"] = previous is null ? null : new Dictionary<string, object?>
            {
                ["status"] = previous.Status is { } s ? Texts.Status(lang, s) : "–",
                ["light"] = previous.Light is { } l ? Texts.Light(lang, l) : "–",
                ["comment"] = previous.Comment,
            },
        };
    }

    static Dictionary<string, object?> Common(OwnerFormContext context, string lang) => new()
    {
        ["owner"] = context.Owner.Name,
        ["agreement"] = context.Agreement.Title,
        ["municipality"] = context.Agreement.Municipality,
        ["year"] = context.Cycle.Year,
        ["deadline"] = MailComposer.FormatTime(context.Cycle.DeadlineUtc, lang),
        ["coordinator"] = context.Agreement.Coordinator.Name,
        ["coordinator_email"] = context.Agreement.Coordinator.Email,
        ["other_lang"] = lang == "sv" ? "en" : "sv",
    };

    static Dictionary<string, object?> Switchable(string lang) => new()
    {
        ["other_lang"] = lang == "sv" ? "en" : "sv",
        ["switch_href"] = $"?lang={(lang == "sv" ? "en" : "sv")}",
    };

    FormPage Page(string template, string lang, Dictionary<string, object?> model, int statusCode) =>
        new(statusCode, renderer.Render(template, lang, model), NoStore);

}
