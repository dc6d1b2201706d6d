using Trygghetsuppfoljning.Workflows.Coordination;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Effects;

/// <summary>
/// Effect figures are entered by the coordinator or an analyst, not by measure owners: each with its source and date.
/// Only indicators of kind <see cref="IndicatorKind.Effekt"/> take one. Every entry is audited.
/// </summary>
public sealed class EffectFigureService(AgreementRepository agreements, EffectFigureRepository figures, AuditRepository audit, TimeProvider time)
{
    public sealed record EffectFigureInput(string MeasureId, string IndicatorId, decimal Value, string Source, DateOnly SourceDate);

    public async Task<CoordinatorResult> RecordAsync(string agreementId, int year, EffectFigureInput input, string actor, CancellationToken cancellationToken = default)
    {
        var result = await RecordCoreAsync(agreementId, year, input, actor, cancellationToken);
        await audit.AppendAsync(
            new AuditEntry(agreementId, year, time.GetUtcNow(), actor, "effect-figure", $"{input.MeasureId}/{input.IndicatorId}", result.StatusCode, result.Message), cancellationToken);
        return result;
    }

    public async Task<IReadOnlyList<EffectFigure>> ListAsync(string agreementId, int year, CancellationToken cancellationToken = default) =>
        await figures.ListAsync(CycleIds.For(agreementId, year), cancellationToken);

    async Task<CoordinatorResult> RecordCoreAsync(string agreementId, int year, EffectFigureInput input, string actor, CancellationToken cancellationToken)
    {
        if (await agreements.FindAsync(agreementId, cancellationToken) is not { } agreement)
        {
            return CoordinatorResult.NotFound($"Agreement '{agreementId}' does not exist.");
        }

        var indicator = agreement.Measures.FirstOrDefault(m => m.Id == input.MeasureId)?.Indicators.FirstOrDefault(i => i.Id == input.IndicatorId);
        if (indicator is null)
        {
            return CoordinatorResult.NotFound($"Measure '{input.MeasureId}' has no indicator '{input.IndicatorId}'.");
        }

        if (indicator.Kind != IndicatorKind.Effekt)
        {
            return CoordinatorResult.BadRequest($"'{indicator.Name}' is a {indicator.Kind} indicator: its owner reports it on the form.");
        }

        if (string.IsNullOrWhiteSpace(input.Source))
        {
            return CoordinatorResult.BadRequest("The source of the figure is required (e.g. \"NTU 2025, Brå\").");
        }

        if (input.SourceDate > DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(1))
        {
            return CoordinatorResult.BadRequest("The figure's date lies in the future.");
        }

        var figure = new EffectFigure(CycleIds.For(agreementId, year), input.MeasureId, input.IndicatorId, input.Value, input.Source.Trim(), input.SourceDate, actor, time.GetUtcNow());
        await figures.SaveAsync(figure, cancellationToken);
        return CoordinatorResult.Ok($"{indicator.Name} {year}: {input.Value} {indicator.Unit} ({figure.Source}, {input.SourceDate:yyyy-MM-dd}) recorded.", figure);
    }
}
