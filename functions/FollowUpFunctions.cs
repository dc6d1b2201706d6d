using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Trygghetsuppfoljning.Workflows.Citizens;
using Trygghetsuppfoljning.Workflows.Coordination;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Effects;
using Trygghetsuppfoljning.Workflows.Security;

namespace Trygghetsuppfoljning.Functions;

/// <summary>
/// The steering group's decision and effect figures — coordinator routes: a function key and, checked first by
/// <see cref="StaffGate"/>, a signed-in person holding the coordinator role, who is the actor in the audit log — and the
/// citizens' pages (anonymous: public information by design).
/// </summary>
public sealed class FollowUpFunctions(CoordinatorService coordinator, EffectFigureService effects, CitizenSummaryService citizens, StaffGate staff)
{
    public sealed record DecisionRequest(bool Approved, DateOnly Date, string? Note);

    [Function(nameof(RecordSteeringDecision))]
    public async Task<IActionResult> RecordSteeringDecision(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/cycles/{agreementId}/{year:int}/decision")] HttpRequest request,
        string agreementId, int year, [DurableClient] DurableTaskClient client)
    {
        if (staff.Refuse(request, out var actor) is { } refused)
        {
            return new HttpResultAction(refused);
        }

        var body = await ReadAsync<DecisionRequest>(request);
        return body is null
            ? new BadRequestObjectResult("Body required: {\"approved\": true, \"date\": \"2026-02-10\", \"note\": null}.")
            : ToResult(await coordinator.RecordSteeringDecisionAsync(client, agreementId, year, body.Approved, body.Date, body.Note, actor, request.HttpContext.RequestAborted));
    }

    [Function(nameof(ListEffectFigures))]
    public async Task<IActionResult> ListEffectFigures(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/cycles/{agreementId}/{year:int}/effects")] HttpRequest request, string agreementId, int year) =>
        staff.Refuse(request, out _) is { } refused ? new HttpResultAction(refused) : new JsonResult(await effects.ListAsync(agreementId, year, request.HttpContext.RequestAborted), DomainJson.Options);

    [Function(nameof(RecordEffectFigure))]
    public async Task<IActionResult> RecordEffectFigure(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/cycles/{agreementId}/{year:int}/effects")] HttpRequest request, string agreementId, int year)
    {
        if (staff.Refuse(request, out var actor) is { } refused)
        {
            return new HttpResultAction(refused);
        }

        var body = await ReadAsync<EffectFigureService.EffectFigureInput>(request);
        return body is null ? new BadRequestObjectResult("Body required.") : ToResult(await effects.RecordAsync(agreementId, year, body, actor, request.HttpContext.RequestAborted));
    }

    [Function(nameof(ShowPublicIndex))]
    public async Task<IActionResult> ShowPublicIndex(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "public/{agreementId}")] HttpRequest request, string agreementId) =>
        ToResult(request.HttpContext, await citizens.IndexAsync(agreementId, request.Query["lang"].FirstOrDefault(), request.HttpContext.RequestAborted));

    [Function(nameof(ShowPublicSummary))]
    public async Task<IActionResult> ShowPublicSummary(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "public/{agreementId}/{year:int}")] HttpRequest request, string agreementId, int year) =>
        ToResult(request.HttpContext, await citizens.PageAsync(agreementId, year, request.Query["lang"].FirstOrDefault(), request.HttpContext.RequestAborted));

    [Function(nameof(DownloadPublicSummary))]
    public async Task<IActionResult> DownloadPublicSummary(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "public/{agreementId}/{year:int}/docx")] HttpRequest request, string agreementId, int year) =>
        ToResult(request.HttpContext, await citizens.DocxAsync(agreementId, year, request.Query["lang"].FirstOrDefault(), request.HttpContext.RequestAborted));

    /// <summary>Malformed JSON is the caller's mistake (400), not a server error.</summary>
    static async Task<T?> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        try
        {
            return await request.ReadFromJsonAsync<T>(DomainJson.Options, request.HttpContext.RequestAborted);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    static ObjectResult ToResult(CoordinatorResult result) =>
        new(new { message = result.Message, body = result.Body }) { StatusCode = result.StatusCode };

    static IActionResult ToResult(HttpContext http, PublicResponse response)
    {
        foreach (var (name, value) in response.Headers)
        {
            http.Response.Headers[name] = value;
        }

        return response.FileName is { } fileName
            ? new FileContentResult(response.Body, response.ContentType) { FileDownloadName = fileName }
            : new ContentResult { StatusCode = response.StatusCode, Content = System.Text.Encoding.UTF8.GetString(response.Body), ContentType = response.ContentType };
    }
}
