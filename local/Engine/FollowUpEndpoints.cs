using Microsoft.DurableTask.Client;
using Trygghetsuppfoljning.Workflows.Citizens;
using Trygghetsuppfoljning.Workflows.Coordination;
using Trygghetsuppfoljning.Workflows.Effects;

namespace Trygghetsuppfoljning.Local.Engine;

/// <summary>
/// Issue 13's endpoints. Under /api, behind the API-key middleware of <see cref="CoordinatorEndpoints"/>: the steering
/// group's decision and the effect figures. Under /public, anonymous: the citizens' summary, its .docx and the index.
/// </summary>
internal static class FollowUpEndpoints
{
    public sealed record DecisionRequest(bool Approved, DateOnly Date, string? Note);

    const string ApiActor = "api-key";

    public static void MapFollowUpEndpoints(this IEndpointRouteBuilder app)
    {
        // The key is checked before anything is read by the middleware CoordinatorEndpoints puts in front of all of /api.
        var api = app.MapGroup("/api");

        api.MapPost("/cycles/{agreementId}/{year:int}/decision", async (
            string agreementId, int year, DecisionRequest request, CoordinatorService coordinator, DurableTaskClient client, CancellationToken ct) =>
            ToResult(await coordinator.RecordSteeringDecisionAsync(client, agreementId, year, request.Approved, request.Date, request.Note, ApiActor, ct)));

        api.MapGet("/cycles/{agreementId}/{year:int}/effects", async (string agreementId, int year, EffectFigureService effects, CancellationToken ct) =>
            Results.Ok(await effects.ListAsync(agreementId, year, ct)));

        api.MapPost("/cycles/{agreementId}/{year:int}/effects", async (
            string agreementId, int year, EffectFigureService.EffectFigureInput input, EffectFigureService effects, CancellationToken ct) =>
            ToResult(await effects.RecordAsync(agreementId, year, input, ApiActor, ct)));

        app.MapGet("/public/{agreementId}", async (string agreementId, string? lang, CitizenSummaryService citizens, HttpContext http) =>
            await WriteAsync(http, await citizens.IndexAsync(agreementId, lang, http.RequestAborted)));

        app.MapGet("/public/{agreementId}/{year:int}", async (string agreementId, int year, string? lang, CitizenSummaryService citizens, HttpContext http) =>
            await WriteAsync(http, await citizens.PageAsync(agreementId, year, lang, http.RequestAborted)));

        app.MapGet("/public/{agreementId}/{year:int}/docx", async (string agreementId, int year, string? lang, CitizenSummaryService citizens, HttpContext http) =>
            await WriteAsync(http, await citizens.DocxAsync(agreementId, year, lang, http.RequestAborted)));
    }

    static IResult ToResult(CoordinatorResult result) =>
        Results.Json(new { message = result.Message, body = result.Body }, statusCode: result.StatusCode);

    static async Task WriteAsync(HttpContext http, PublicResponse response)
    {
        http.Response.StatusCode = response.StatusCode;
        http.Response.ContentType = response.ContentType;
        foreach (var (name, value) in response.Headers)
        {
            http.Response.Headers[name] = value;
        }

        if (response.FileName is { } fileName)
        {
            http.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = fileName }.ToString();
        }

        await http.Response.Body.WriteAsync(response.Body, http.RequestAborted);
    }
}
