using Microsoft.Extensions.Logging;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Reports;
using Trygghetsuppfoljning.Workflows.Storage;
using Trygghetsuppfoljning.Workflows.Templates;

namespace Trygghetsuppfoljning.Workflows.Citizens;

/// <summary>
/// Publishes an approved year's citizens' summary (a stored snapshot) and serves it anonymously: the page, its
/// .docx, and an index of an agreement's published years. Anything unpublished is the same calm 404; a storage fault, a
/// calm 503.
/// </summary>
public sealed class CitizenSummaryService(
    SteeringDecisionRepository decisions,
    CitizenSummaryRepository summaries,
    EffectFigureRepository effects,
    AgreementRepository agreements,
    ReportService reports,
    CitizenPageRenderer pages,
    ILogger<CitizenSummaryService> logger)
{
    /// <summary>Builds and stores the summary; false (nothing published) unless the steering group approved the year.</summary>
    public async Task<bool> PublishAsync(string agreementId, int year, CancellationToken cancellationToken = default)
    {
        if (await decisions.FindAsync(agreementId, year, cancellationToken) is not { Approved: true } decision)
        {
            return false;
        }

        var data = await reports.LoadAsync(agreementId, year, TextCatalog.DefaultLanguage, cancellationToken);
        var figures = await effects.ListAsync(CycleIds.For(agreementId, year), cancellationToken);
        await summaries.SaveAsync(CitizenSummaryBuilder.Build(data, figures, decision.DecidedOn), cancellationToken);
        return true;
    }

    public Task<PublicResponse> PageAsync(string agreementId, int year, string? lang, CancellationToken cancellationToken = default) =>
        ServeAsync(lang, async language =>
            await summaries.FindAsync(agreementId, year, cancellationToken) is { } summary ? pages.Summary(summary, language) : pages.NotFound(language));

    public Task<PublicResponse> DocxAsync(string agreementId, int year, string? lang, CancellationToken cancellationToken = default) =>
        ServeAsync(lang, async language =>
        {
            if (await summaries.FindAsync(agreementId, year, cancellationToken) is not { } summary)
            {
                return pages.NotFound(language);
            }

            var fileName = language == "en" ? $"how-we-did-{agreementId}-{year}.docx" : $"sa-gick-det-{agreementId}-{year}.docx";
            return CitizenPageRenderer.Docx(CitizenDocxWriter.Write(pages.Content(summary, language)), fileName);
        });

    public Task<PublicResponse> IndexAsync(string agreementId, string? lang, CancellationToken cancellationToken = default) =>
        ServeAsync(lang, async language =>
            await agreements.FindAsync(agreementId, cancellationToken) is not { } agreement
                ? pages.NotFound(language)
                : pages.Index(agreement.Municipality, agreement.PoliceArea, agreement.Id, await summaries.YearsAsync(agreementId, cancellationToken), language));

    /// <summary>A storage fault is the calm 503, never a 500, and never the 404 that would say "not published".</summary>
    async Task<PublicResponse> ServeAsync(string? lang, Func<string, Task<PublicResponse>> serve)
    {
        var language = TextCatalog.Normalize(lang);
        try
        {
            return await serve(language);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Serving a public page failed");
            return pages.Unavailable(language);
        }
    }
}
