using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Reports;

/// <summary>Gathers a cycle's stored state into <see cref="ReportData"/>, generates the .docx and archives it.</summary>
public sealed class ReportService(
    AgreementRepository agreements,
    CycleRepository cycles,
    ResponseRepository responses,
    OwnerProgressRepository progress,
    AggregateRepository aggregates,
    ReportGenerator generator,
    ReportArchive archive,
    EffectFigureRepository effectFigures,
    SteeringDecisionRepository steeringDecisions)
{
    public async Task<ReportData> LoadAsync(string agreementId, int year, string language = "sv", CancellationToken cancellationToken = default)
    {
        var agreement = await agreements.GetAsync(agreementId, cancellationToken);
        var cycle = await cycles.GetAsync(agreementId, year, cancellationToken);
        var latest = await responses.LatestSubmittedAsync(cycle.Id, cancellationToken);
        var all = await aggregates.ListAsync(agreementId, cancellationToken);
        var current = all.FirstOrDefault(a => a.Year == year) ?? CycleAggregator.Aggregate(agreement, year, latest);
        var figures = await effectFigures.ListAsync(cycle.Id, cancellationToken);

        // Effect figures come from the coordinator, not the owners' answers: they count as this year's indicator values.
        current = current with
        {
            IndicatorValues = figures.Aggregate(
                new Dictionary<string, decimal>(current.IndicatorValues, StringComparer.Ordinal),
                (values, f) => { values[CycleAggregate.IndicatorKey(f.MeasureId, f.IndicatorId)] = f.Value; return values; }),
        };
        var byOwner = latest.ToDictionary(r => r.OwnerId, StringComparer.Ordinal);
        var outcomes = agreement.Measures.Select(m =>
        {
            var owner = agreement.OwnerOf(m);
            var response = byOwner.GetValueOrDefault(owner.Id);
            return new MeasureOutcome(m, owner, response?.Answers.FirstOrDefault(a => a.MeasureId == m.Id), response?.SavedUtc);
        }).ToList();

        // The report is dated by the cycle's close, not by the clock, so regenerating it gives the same document.
        var asOf = cycle.ClosedUtc ?? cycle.DeadlineUtc;
        var reportDate = SwedishTime.DateOf(asOf);
        return new ReportData(
            agreement,
            cycle,
            language,
            reportDate,
            current,
            all.Where(a => a.Year < year).ToList(),
            outcomes,
            await progress.ListAsync(cycle.Id, cancellationToken),
            RevisionAssessment.For(agreement, reportDate),
            figures,
            await steeringDecisions.FindAsync(agreementId, year, cancellationToken));
    }

    public async Task<string> GenerateAndArchiveAsync(string agreementId, int year, string language = "sv", CancellationToken cancellationToken = default)
    {
        var data = await LoadAsync(agreementId, year, language, cancellationToken);
        using var buffer = new MemoryStream();
        generator.Generate(data, buffer);
        buffer.Position = 0;
        var blobName = ReportArchive.BlobName(agreementId, year, language);
        await archive.SaveAsync(blobName, buffer, cancellationToken);
        if (language == "sv")
        {
            var cycle = await cycles.GetAsync(agreementId, year, cancellationToken);
            await cycles.SaveAsync(cycle with { ReportBlobName = blobName }, cancellationToken);
        }

        return blobName;
    }
}
