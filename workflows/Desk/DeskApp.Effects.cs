using System.Globalization;
using Trygghetsuppfoljning.Workflows.Coordination;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Effects;

namespace Trygghetsuppfoljning.Workflows.Desk;

/// <summary>
/// The effect figures page: the coordinator (or an analyst) enters each effect indicator's figure with its source and
/// date. The entry goes through <see cref="EffectFigureService"/>, as the API's does: same checks, same messages, audited.
/// </summary>
public sealed partial class DeskApp
{
    async Task<DeskResponse> EffectsPageAsync(DeskContext c, string agreementId, int year, CoordinatorResult? result, DeskRequest? typed, int statusCode, CancellationToken ct, string? errorKey = null)
    {
        if (await agreements.FindAsync(agreementId, ct) is not { } agreement)
        {
            return pages.Problem(c, 404, "not-found");
        }

        var figures = (await effects.ListAsync(agreementId, year, ct)).ToDictionary(f => (f.MeasureId, f.IndicatorId));
        var rows = agreement.Measures
            .SelectMany(m => m.Indicators.Where(i => i.Kind == IndicatorKind.Effekt).Select(i => new DeskPageRenderer.EffectRow(m, i, figures.GetValueOrDefault((m.Id, i.Id)))))
            .ToList();
        return pages.Effects(c, agreement, year, rows, typed?.Form ?? new Dictionary<string, string>(), result, errorKey, statusCode);
    }

    async Task<DeskResponse> RecordEffectAsync(DeskRequest r, DeskContext c, string agreementId, int year, CancellationToken ct)
    {
        var target = (r.Form.GetValueOrDefault("indicator") ?? string.Empty).Split('/', 2);
        if (target.Length != 2)
        {
            return await EffectsPageAsync(c, agreementId, year, null, r, 400, ct, "desk.effects.error.indicator");
        }

        var valueText = (r.Form.GetValueOrDefault("value") ?? string.Empty).Replace(" ", string.Empty).Replace('\u00a0', ' ').Replace(" ", string.Empty).Replace(',', '.');
        if (!decimal.TryParse(valueText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return await EffectsPageAsync(c, agreementId, year, null, r, 400, ct, "desk.effects.error.value");
        }

        if (!DateOnly.TryParseExact((r.Form.GetValueOrDefault("date") ?? string.Empty).Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return await EffectsPageAsync(c, agreementId, year, null, r, 400, ct, "desk.error.date");
        }

        var result = await effects.RecordAsync(
            agreementId, year, new EffectFigureService.EffectFigureInput(target[0], target[1], value, r.Form.GetValueOrDefault("source") ?? string.Empty, date), c.User!.Name, ct);

        // Saved: an empty form for the next figure. Refused: the typed values stay, with the service's reason.
        return await EffectsPageAsync(c, agreementId, year, result, result.StatusCode < 400 ? null : r, result.StatusCode, ct);
    }
}
