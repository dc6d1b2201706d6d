using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Import;

/// <summary>The follow-up parts of an agreement (issue 13): medborgarlöften and the Lag (2023:196) references.</summary>
public static partial class AgreementValidator
{
    /// <summary>Promises need an id, a text and at least one existing measure; document references need a title.</summary>
    public static IReadOnlyList<(string Path, string Message)> ValidateFollowUp(Agreement a)
    {
        var errors = new List<(string, string)>();
        var measureIds = (a.Measures ?? []).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var promiseIds = new HashSet<string>(StringComparer.Ordinal);
        var promises = a.PromiseList;
        for (int i = 0; i < promises.Count; i++)
        {
            var p = promises[i];
            if (string.IsNullOrWhiteSpace(p.Id))
            {
                errors.Add(($"promises[{i}].id", "Löftets id saknas"));
            }
            else if (!KeyPattern().IsMatch(p.Id))
            {
                errors.Add(($"promises[{i}].id", $"Löftets id '{p.Id}' får bara innehålla a–z, 0–9 och bindestreck"));
            }
            else if (!promiseIds.Add(p.Id))
            {
                errors.Add(($"promises[{i}].id", $"Löftet '{p.Id}' finns redan"));
            }

            if (string.IsNullOrWhiteSpace(p.Text))
            {
                errors.Add(($"promises[{i}].text", "Löftets text saknas"));
            }

            var measures = p.MeasureIds ?? [];
            if (measures.Count == 0)
            {
                errors.Add(($"promises[{i}].measureIds", "Löftet saknar åtgärder som håller det"));
            }

            for (int j = 0; j < measures.Count; j++)
            {
                if (!measureIds.Contains(measures[j] ?? string.Empty))
                {
                    errors.Add(($"promises[{i}].measureIds[{j}]", $"Åtgärden '{measures[j]}' finns inte"));
                }
            }
        }

        foreach (var (reference, path, what) in new[] { (a.SituationPicture, "situationPicture", "Lägesbildens"), (a.ActionPlan, "actionPlan", "Åtgärdsplanens") })
        {
            if (reference is null)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(reference.Title))
            {
                errors.Add(($"{path}.title", $"{what} titel saknas"));
            }

            if (reference.Link is { Length: > 0 } link && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            {
                errors.Add(($"{path}.link", $"{what} länk '{link}' är inte en webbadress (https://…)"));
            }
        }

        return errors;
    }
}
