using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Trygghetsuppfoljning.Workflows.Coordination;
using Trygghetsuppfoljning.Workflows.Http;

namespace Trygghetsuppfoljning.Local.Engine;

/// <summary>
/// The coordinator API under /api, behind the configured API key. Each endpoint is one call into
/// <see cref="CoordinatorService"/>; bodies and answers use the JSON the Functions app uses (<see cref="CoordinatorHttp"/>).
/// </summary>
internal static class CoordinatorEndpoints
{
    /// <summary>Who the audit log names for calls made with the API key (the CLI, scripts).</summary>
    const string ApiActor = "api-key";

    public static void MapCoordinatorEndpoints(this WebApplication app)
    {
        // A middleware, not an endpoint filter: minimal APIs bind bodies before filters run, so a filter let an
        // unauthenticated caller learn how bodies are parsed (400/415) instead of getting 401 before anything is read.
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api => api.Use(async (http, next) =>
        {
            var options = http.RequestServices.GetRequiredService<IOptions<CoordinatorOptions>>().Value;
            if (options.Accepts(http.Request.Headers[CoordinatorOptions.HeaderName].FirstOrDefault()))
            {
                await next(http);
                return;
            }

            await CoordinatorHttp.Respond(StatusCodes.Status401Unauthorized, $"A valid {CoordinatorOptions.HeaderName} header is required.").ExecuteAsync(http);
        }));

        var api = app.MapGroup("/api");

        api.MapPost("/cycles", async (HttpRequest request, CoordinatorService coordinator, DurableTaskClient client, CancellationToken ct) =>
        {
            var (body, invalid) = await CoordinatorHttp.ReadBodyAsync<StartCycleRequest>(request, ct);
            return invalid ?? CoordinatorHttp.ToHttpResult(await coordinator.StartAsync(client, body!.AgreementId, body.Year, body.DeadlineUtc, ApiActor, ct));
        });

        api.MapGet("/cycles/{agreementId}/{year:int}", async Task<IResult> (string agreementId, int year, CoordinatorService coordinator, DurableTaskClient client, CancellationToken ct) =>
            await coordinator.StatusAsync(client, agreementId, year, ct) is { } status ? CoordinatorHttp.Status(status) : TypedResults.NotFound());

        api.MapPost("/cycles/{agreementId}/{year:int}/extend", async (string agreementId, int year, HttpRequest request, CoordinatorService coordinator, DurableTaskClient client, CancellationToken ct) =>
        {
            var (body, invalid) = await CoordinatorHttp.ReadBodyAsync<ExtendDeadlineRequest>(request, ct);
            return invalid ?? CoordinatorHttp.ToHttpResult(await coordinator.ExtendAsync(client, agreementId, year, body!.DeadlineUtc!.Value, ApiActor, ct));
        });

        api.MapPost("/cycles/{agreementId}/{year:int}/close", async (string agreementId, int year, CoordinatorService coordinator, DurableTaskClient client, CancellationToken ct) =>
            CoordinatorHttp.ToHttpResult(await coordinator.CloseAsync(client, agreementId, year, ApiActor, ct)));

        api.MapPost("/cycles/{agreementId}/{year:int}/reopen", async (string agreementId, int year, HttpRequest request, CoordinatorService coordinator, DurableTaskClient client, CancellationToken ct) =>
        {
            var (body, invalid) = await CoordinatorHttp.ReadBodyAsync<ReopenOwnersRequest>(request, ct);
            return invalid ?? CoordinatorHttp.ToHttpResult(await coordinator.ReopenOwnersAsync(client, agreementId, year, body!.OwnerIds!, body.DeadlineUtc!.Value, ApiActor, ct));
        });

        api.MapPost("/cycles/{agreementId}/{year:int}/reopen/close", async (string agreementId, int year, CoordinatorService coordinator, DurableTaskClient client, CancellationToken ct) =>
            CoordinatorHttp.ToHttpResult(await coordinator.CloseReturnRoundAsync(client, agreementId, year, ApiActor, ct)));

        api.MapPost("/cycles/{agreementId}/{year:int}/owners/{ownerId}/resend", async (string agreementId, int year, string ownerId, CoordinatorService coordinator, CancellationToken ct) =>
            CoordinatorHttp.ToHttpResult(await coordinator.ResendLinkAsync(agreementId, year, ownerId, ApiActor, ct)));

        api.MapPost("/cycles/{agreementId}/{year:int}/owners/{ownerId}/replace", async (
            string agreementId, int year, string ownerId, HttpRequest request, CoordinatorService coordinator, DurableTaskClient client, CancellationToken ct) =>
        {
            var (body, invalid) = await CoordinatorHttp.ReadBodyAsync<ReplacementOwner>(request, ct);
            return invalid ?? CoordinatorHttp.ToHttpResult(await coordinator.ReplaceOwnerAsync(client, agreementId, year, ownerId, body!, ApiActor, ct));
        });

        api.MapPost("/agreements", async (HttpRequest request, CoordinatorService coordinator, CancellationToken ct) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            return CoordinatorHttp.ToHttpResult(await coordinator.ImportAgreementAsync(buffer.ToArray(), ApiActor, ct));
        });

        api.MapPost("/agreements/{agreementId}/history", async (string agreementId, HttpRequest request, CoordinatorService coordinator, CancellationToken ct) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            return CoordinatorHttp.ToHttpResult(await coordinator.ImportHistoryAsync(agreementId, buffer.ToArray(), ApiActor, ct));
        });

        api.MapPost("/cycles/{agreementId}/{year:int}/resume", async (string agreementId, int year, CoordinatorService coordinator, DurableTaskClient client, CancellationToken ct) =>
            CoordinatorHttp.ToHttpResult(await coordinator.ResumeAsync(client, agreementId, year, ApiActor, ct)));

        api.MapPost("/migrate", async (CoordinatorService coordinator, DurableTaskClient client, CancellationToken ct) =>
            CoordinatorHttp.ToHttpResult(await coordinator.MigrateAsync(client, ApiActor, ct)));

        api.MapPost("/retention/purge", async (CoordinatorService coordinator, DurableTaskClient client, CancellationToken ct) =>
            CoordinatorHttp.ToHttpResult(await coordinator.PurgeAsync(client, ApiActor, ct)));

        api.MapGet("/cycles/{agreementId}/{year:int}/report", async Task<IResult> (string agreementId, int year, bool? regenerate, string? lang, CoordinatorService coordinator, CancellationToken ct) =>
            await coordinator.ReportAsync(agreementId, year, regenerate ?? false, Workflows.Templates.TextCatalog.Normalize(lang), ct) is { } report
                ? TypedResults.File(report.Bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", report.FileName)
                : TypedResults.NotFound());
    }
}
