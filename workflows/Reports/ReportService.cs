using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Reports;

/// <summary>Gathers a cycle's stored state into <see cref="ReportData"/>, generates the .docx and archives it.</summary>
public sealed class ReportService(
    CycleRepository cycles,
    CycleSnapshots snapshots,
    ResponseRepository responses,
    OwnerProgressRepository progress,
    AggregateRepository aggregates,
    ReportGenerator generator,
    ReportArchive archive,
    EffectFigureRepository effectFigures,
    SteeringDecisionRepository steeringDecisions,
    ReturnRoundRepository returnRounds)
{
    /// <summary>Everything from the cycle's own roster: the agreement as the cycle took it, and every submitted answer.</summary>
    public async Task<ReportData> LoadAsync(string agreementId, int year, string language = "sv", CancellationToken cancellationToken = default)
    {
        var cycle = await cycles.GetAsync(agreementId, year, cancellationToken);
        var roster = await snapshots.GetRosterAsync(cycle, cancellationToken);
        var agreement = roster.ToAgreement();
        var latest = await responses.LatestSubmittedAsync(cycle.Id, cancellationToken);
        var history = await aggregates.ListAsync(agreementId, cancellationToken);
        var figures = await effectFigures.ListAsync(cycle.Id, cancellationToken);

        // Computed, not read back: the stored aggregate keeps no owner ids, and this stays byte-identical on regeneration.
        // Effect figures come from the coordinator, not the owners' answers: they count as this year's indicator values.
        var computed = CycleAggregator.Aggregate(roster, year, latest);
        var current = computed with
        {
            IndicatorValues = figures.Aggregate(
                new Dictionary<string, decimal>(computed.IndicatorValues, StringComparer.Ordinal),
                (values, f) => { values[CycleAggregate.IndicatorKey(f.MeasureId, f.IndicatorId)] = f.Value; return values; }),
        };
        var counting = AnswerSelection.Select(roster, latest).ToDictionary(a => a.MeasureId, StringComparer.Ordinal);
        var ownerById = agreement.Owners.ToDictionary(o => o.Id, StringComparer.Ordinal);
        var outcomes = agreement.Measures.Select(m =>
        {
            var owner = ownerById[m.OwnerId];
            var answer = counting.GetValueOrDefault(m.Id);
            var answeredBy = answer is not null && answer.OwnerId != owner.Id ? ownerById.GetValueOrDefault(answer.OwnerId) : null;
            return new MeasureOutcome(m, owner, answer?.Answer, answer?.SavedUtc, answeredBy);
        }).ToList();

        // Replaced owners' submitted answers that a later one superseded are still part of the record.
        var replaced = roster.Owners.Where(o => !o.IsActive).Select(o => o.Owner.Id).ToHashSet(StringComparer.Ordinal);
        var superseded = latest
            .Where(r => replaced.Contains(r.OwnerId))
            .SelectMany(r => r.Answers.Select(a => new FinalAnswer(a.MeasureId, r.OwnerId, r.SavedUtc, a)))
            .Where(a => roster.Find(a.OwnerId)!.Measures.Any(m => m.Measure.Id == a.MeasureId)
                && !(counting.TryGetValue(a.MeasureId, out var c) && c.OwnerId == a.OwnerId))
            .OrderBy(a => a.MeasureId, StringComparer.Ordinal)
            .ToList();

        // The report is dated by the cycle's close, not by the clock, so regenerating it gives the same document.
        var asOf = cycle.ClosedUtc ?? cycle.DeadlineUtc;
        var reportDate = SwedishTime.DateOf(asOf);
        return new ReportData(
            agreement,
            cycle,
            language,
            reportDate,
            current,
            history.Where(a => a.Year < year).ToList(),
            outcomes,
            await progress.ListAsync(cycle.Id, cancellationToken),
            RevisionAssessment.For(agreement, reportDate),
            superseded,
            figures,
            await steeringDecisions.FindAsync(agreementId, year, cancellationToken),
            await returnRounds.FindAsync(agreementId, year, cancellationToken));
    }

    /// <summary>The report as of now, not archived (an open cycle's preview).</summary>
    public async Task<byte[]> GenerateAsync(string agreementId, int year, string language = "sv", CancellationToken cancellationToken = default)
    {
        var data = await LoadAsync(agreementId, year, language, cancellationToken);
        using var buffer = new MemoryStream();
        generator.Generate(data, buffer);
        return buffer.ToArray();
    }

    /// <summary>Generates and archives; the cycle row changes only its report name, under its ETag (never its state).</summary>
    public async Task<string> GenerateAndArchiveAsync(string agreementId, int year, string language = "sv", CancellationToken cancellationToken = default)
    {
        var bytes = await GenerateAsync(agreementId, year, language, cancellationToken);
        var blobName = ReportArchive.BlobName(agreementId, year, language);
        await archive.SaveAsync(blobName, new MemoryStream(bytes, writable: false), cancellationToken);
        if (language == "sv")
        {
            await cycles.UpdateAsync(agreementId, year, c => c with { ReportBlobName = blobName }, cancellationToken);
        }

        return blobName;
    }
}
