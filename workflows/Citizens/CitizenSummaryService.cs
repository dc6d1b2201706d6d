using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Reports;
using Trygghetsuppfoljning.Workflows.Storage;
using Trygghetsuppfoljning.Workflows.Templates;

namespace Trygghetsuppfoljning.Workflows.Citizens;

/// <summary>
/// Publishes an approved year's citizens' summary (a stored snapshot) and serves it anonymously: the page, its
/// .docx, and an index of an agreement's published years. Anything unpublished is the same calm 404.
/// </summary>
public sealed class CitizenSummaryService(
    SteeringDecisionRepository decisions,
    CitizenSummaryRepository summaries,
    EffectFigureRepository effects,
    AgreementRepository agreements,
    ReportService reports,
    CitizenPageRenderer pages)
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

    public async Task<PublicResponse> PageAsync(string agreementId, int year, string? lang, CancellationToken cancellationToken = default)
    {
        var language = TextCatalog.Normalize(lang);
        return await summaries.FindAsync(agreementId, year, cancellationToken) is { } summary ? pages.Summary(summary, language) : pages.NotFound(language);
    }

    public async Task<PublicResponse> DocxAsync(string agreementId, int year, string? lang, CancellationToken cancellationToken = default)
    {
        var language = TextCatalog.Normalize(lang);
        if (await summaries.FindAsync(agreementId, year, cancellationToken) is not { } summary)
        {
            return pages.NotFound(language);
        }

        var fileName = language == "en" ? $"how-we-did-{agreementId}-{year}.docx" : $"sa-gick-det-{agreementId}-{year}.docx";
        return CitizenPageRenderer.Docx(CitizenDocxWriter.Write(pages.Content(summary, language)), fileName);
    }

    public async Task<PublicResponse> IndexAsync(string agreementId, string? lang, CancellationToken cancellationToken = default)
    {
        var language = TextCatalog.Normalize(lang);
        if (await agreements.FindAsync(agreementId, cancellationToken) is not { } agreement)
        {
            return pages.NotFound(language);
        }

        return pages.Index(agreement.Municipality, agreement.PoliceArea, agreement.Id, await summaries.YearsAsync(agreementId, cancellationToken), language);
    }
}
