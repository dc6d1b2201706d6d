using System.Globalization;
using Microsoft.Extensions.Options;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Templates;

namespace Trygghetsuppfoljning.Workflows.Forms;

/// <summary>Server-side validation of every field. Messages come from the text catalogue in the owner's language.</summary>
public sealed class FormValidator(TextCatalog texts, IOptions<FormOptions> options)
{
    public FormValidationResult Validate(OwnerFormContext context, IReadOnlyList<KeyValuePair<string, string>> fields, string language)
    {
        var errors = new List<KeyValuePair<string, string>>();
        var typed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in fields.GroupBy(f => f.Key, StringComparer.Ordinal))
        {
            typed[group.Key] = group.First().Value;
            if (group.Count() > 1 && group.Key != FormFields.Language)
            {
                errors.Add(new(group.Key, texts.Get(language, "form.error.repeated")));
            }
        }

        var submit = typed.GetValueOrDefault(FormFields.Action) != FormFields.ActionDraft;
        var known = new HashSet<string>(StringComparer.Ordinal) { FormFields.Action, FormFields.Antiforgery, FormFields.Language, FormFields.SwitchLanguage };
        var answers = new List<MeasureAnswer>();
        foreach (var measure in context.Measures)
        {
            string statusField = FormFields.Status(measure.Id), lightField = FormFields.Light(measure.Id),
                commentField = FormFields.Comment(measure.Id), planField = FormFields.Plan(measure.Id), publicField = FormFields.PublicNote(measure.Id);
            known.UnionWith([statusField, lightField, commentField, planField, publicField]);

            MeasureStatus? status = null;
            var rawStatus = typed.GetValueOrDefault(statusField, string.Empty);
            if (rawStatus.Length > 0 && Enum.TryParse<MeasureStatus>(rawStatus, out var s) && Enum.IsDefined(s) && !int.TryParse(rawStatus, out _))
            {
                status = s;
            }
            else if (rawStatus.Length > 0)
            {
                errors.Add(new(statusField, texts.Get(language, "form.error.status-invalid")));
            }
            else if (submit)
            {
                errors.Add(new(statusField, texts.Get(language, "form.error.status-required")));
            }

            TrafficLight? light = null;
            var rawLight = typed.GetValueOrDefault(lightField, string.Empty);
            if (rawLight.Length > 0 && Enum.TryParse<TrafficLight>(rawLight, out var l) && Enum.IsDefined(l) && !int.TryParse(rawLight, out _))
            {
                light = l;
            }
            else if (rawLight.Length > 0)
            {
                errors.Add(new(lightField, texts.Get(language, "form.error.light-invalid")));
            }
            else if (submit)
            {
                errors.Add(new(lightField, texts.Get(language, "form.error.light-required")));
            }

            var comment = CheckText(typed.GetValueOrDefault(commentField, string.Empty), commentField, language, errors);
            var plan = CheckText(typed.GetValueOrDefault(planField, string.Empty), planField, language, errors);
            var needsComment = light == TrafficLight.Red || status is MeasureStatus.Delayed or MeasureStatus.Cancelled;
            if (submit && needsComment && string.IsNullOrWhiteSpace(comment) && !errors.Any(e => e.Key == commentField))
            {
                errors.Add(new(commentField, texts.Get(language, "form.error.comment-required")));
            }

            var values = new Dictionary<string, decimal?>(StringComparer.Ordinal);
            // Effect figures come from the coordinator with source and date (Brå's effekt follow-up), not from owners.
            foreach (var indicator in measure.Indicators.Where(i => i.Kind != IndicatorKind.Effekt))
            {
                var field = FormFields.Indicator(measure.Id, indicator.Id);
                known.Add(field);
                var raw = typed.GetValueOrDefault(field, string.Empty).Trim().Replace('\u00A0', ' ').Replace(" ", string.Empty, StringComparison.Ordinal);
                if (raw.Length == 0)
                {
                    values[indicator.Id] = null;
                }
                else if (TryParseNumber(raw, out var number))
                {
                    values[indicator.Id] = number;
                }
                else
                {
                    errors.Add(new(field, texts.Format(language, "form.error.number-invalid", indicator.Unit)));
                }
            }

            var publicNote = CheckText(typed.GetValueOrDefault(publicField, string.Empty), publicField, language, errors);
            answers.Add(new MeasureAnswer(measure.Id, status, light, comment, values, plan, string.IsNullOrWhiteSpace(publicNote) ? null : publicNote));
        }

        // A field for a measure that is not this owner's: never stored, and the owner is told.
        foreach (var name in typed.Keys.Where(k => !known.Contains(k)))
        {
            errors.Add(new(string.Empty, texts.Get(language, name.StartsWith("m.", StringComparison.Ordinal) ? "form.error.foreign-measure" : "form.error.unknown-field")));
        }

        return new FormValidationResult(typed, answers, errors.DistinctBy(e => (e.Key, e.Value)).ToList(), submit);
    }

    string CheckText(string text, string field, string language, List<KeyValuePair<string, string>> errors)
    {
        if (text.Length > options.Value.MaxTextLength)
        {
            errors.Add(new(field, texts.Format(language, "form.error.too-long", options.Value.MaxTextLength, text.Length)));
        }
        else if (UnsafeText.Contains(text) || HasLoneSurrogate(text))
        {
            errors.Add(new(field, texts.Get(language, "form.error.control-characters")));
        }
        else if (text.Contains('\uFFFD', StringComparison.Ordinal))
        {
            // The host decodes bytes that are not UTF-8 to U+FFFD: storing it would silently replace what was sent.
            errors.Add(new(field, texts.Get(language, "form.error.invalid-encoding")));
        }

        return text.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    static bool HasLoneSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    static bool TryParseNumber(string raw, out decimal value) =>
        (decimal.TryParse(raw, NumberStyles.Number, CultureInfo.GetCultureInfo("sv-SE"), out value)
            || decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out value))
        && Math.Abs(value) < 1_000_000_000_000m;
}
