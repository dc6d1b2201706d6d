using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Trygghetsuppfoljning.Workflows.Coordination;

namespace Trygghetsuppfoljning.Local.Engine;

/// <summary>The coordinator API under /api, behind the configured API key. Each endpoint is one call into <see cref="CoordinatorService"/>.</summary>
internal static class CoordinatorEndpoints
{
    public sealed record StartRequest(string AgreementId, int Year, DateTimeOffset? DeadlineUtc);

    public sealed record ExtendRequest(DateTimeOffset DeadlineUtc);

    /// <summary>Who the audit log names for calls made with the API key (the CLI, scripts).</summary>
    const string ApiActor = "api-key";

    public static void MapCoordinatorEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter(async (context, next) =>
        {
            var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<CoordinatorOptions>>().Value;
            return options.Accepts(context.HttpContext.Request.Headers[CoordinatorOptions.HeaderName].FirstOrDefault())
                ? await next(context)
                : Results.Problem("A valid X-Api-Key header is required.", statusCode: 401);
        });

        api.MapPost("/cycles", async (StartRequest request, CoordinatorService coordinator, DurableTaskClient client, CancellationToken ct) =>
            ToResult(await coordinator.StartAsync(client, request.AgreementId, request.Year, request.DeadlineUtc, ApiActor, ct)));

        api.MapGet("/cycles/{agreementId}/{year:int}", async (string agreementId, int year, CoordinatorService coordinator, DurableTaskClient client, CancellationToken ct) =>
            await coordinator.StatusAsync(client, agreementId, year, ct) is { } status ? Results.Ok(status) : Results.NotFound());

        api.MapPost("/cycles/{agreementId}/{year:int}/extend", async (string agreementId, int year, ExtendRequest request, CoordinatorService coordinator, DurableTaskClient client, CancellationToken ct) =>
            ToResult(await coordinator.ExtendAsync(client, agreementId, year, request.DeadlineUtc, ApiActor, ct)));

        api.MapPost("/cycles/{agreementId}/{year:int}/close", async (string agreementId, int year, CoordinatorService coordinator, DurableTaskClient client, CancellationToken ct) =>
            ToResult(await coordinator.CloseAsync(client, agreementId, year, ApiActor, ct)));

        api.MapPost("/cycles/{agreementId}/{year:int}/owners/{ownerId}/resend", async (string agreementId, int year, string ownerId, CoordinatorService coordinator, CancellationToken ct) =>
            ToResult(await coordinator.ResendLinkAsync(agreementId, year, ownerId, ApiActor, ct)));

        api.MapPost("/cycles/{agreementId}/{year:int}/owners/{ownerId}/replace", async (
            string agreementId, int year, string ownerId, ReplacementOwner replacement, CoordinatorService coordinator, DurableTaskClient client, CancellationToken ct) =>
            ToResult(await coordinator.ReplaceOwnerAsync(client, agreementId, year, ownerId, replacement, ApiActor, ct)));

        api.MapPost("/agreements", async (HttpRequest request, CoordinatorService coordinator, CancellationToken ct) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            return ToResult(await coordinator.ImportAgreementAsync(buffer.ToArray(), ApiActor, ct));
        });

        api.MapPost("/cycles/{agreementId}/{year:int}/resume", async (string agreementId, int year, CoordinatorService coordinator, DurableTaskClient client, CancellationToken ct) =>
            ToResult(await coordinator.ResumeAsync(client, agreementId, year, ApiActor, ct)));

        api.MapPost("/migrate", async (CoordinatorService coordinator, DurableTaskClient client, CancellationToken ct) => ToResult(await coordinator.MigrateAsync(client, ApiActor, ct)));

        api.MapPost("/retention/purge", async (CoordinatorService coordinator, DurableTaskClient client, CancellationToken ct) => ToResult(await coordinator.PurgeAsync(client, ApiActor, ct)));

        api.MapGet("/cycles/{agreementId}/{year:int}/report", async (string agreementId, int year, bool? regenerate, string? lang, CoordinatorService coordinator, CancellationToken ct) =>
            await coordinator.ReportAsync(agreementId, year, regenerate ?? false, Workflows.Templates.TextCatalog.Normalize(lang), ct) is { } report
                ? Results.File(report.Bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", report.FileName)
                : Results.NotFound());
    }

    static IResult ToResult(CoordinatorResult result) =>
        Results.Json(new { message = result.Message, body = result.Body }, statusCode: result.StatusCode);
}
