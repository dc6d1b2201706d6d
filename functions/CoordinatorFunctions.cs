using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Trygghetsuppfoljning.Workflows.Coordination;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Templates;

namespace Trygghetsuppfoljning.Functions;

/// <summary>The coordinator API, protected by function keys (and Entra ID on the app in Azure).</summary>
public sealed class CoordinatorFunctions(CoordinatorService coordinator)
{
    /// <summary>Who the audit log names for calls made with a function key.</summary>
    const string ApiActor = "function-key";

    public sealed record StartRequest(string AgreementId, int Year, DateTimeOffset? DeadlineUtc);

    public sealed record ExtendRequest(DateTimeOffset DeadlineUtc);

    [Function(nameof(StartCycle))]
    public async Task<IActionResult> StartCycle(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/cycles")] HttpRequest request, [DurableClient] DurableTaskClient client)
    {
        var body = await request.ReadFromJsonAsync<StartRequest>(request.HttpContext.RequestAborted);
        return body is null ? new BadRequestObjectResult("Body required.") : ToResult(await coordinator.StartAsync(client, body.AgreementId, body.Year, body.DeadlineUtc, ApiActor));
    }

    [Function(nameof(GetCycleStatus))]
    public async Task<IActionResult> GetCycleStatus(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/cycles/{agreementId}/{year:int}")] HttpRequest request, string agreementId, int year, [DurableClient] DurableTaskClient client) =>
        // DomainJson: enum names ("Submitted", "Closed"), the same JSON as the local host's API.
        await coordinator.StatusAsync(client, agreementId, year) is { } status ? new JsonResult(status, DomainJson.Options) : new NotFoundResult();

    [Function(nameof(ExtendDeadline))]
    public async Task<IActionResult> ExtendDeadline(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/cycles/{agreementId}/{year:int}/extend")] HttpRequest request, string agreementId, int year, [DurableClient] DurableTaskClient client)
    {
        var body = await request.ReadFromJsonAsync<ExtendRequest>(request.HttpContext.RequestAborted);
        return body is null ? new BadRequestObjectResult("Body required.") : ToResult(await coordinator.ExtendAsync(client, agreementId, year, body.DeadlineUtc, ApiActor));
    }

    [Function(nameof(CloseCycle))]
    public async Task<IActionResult> CloseCycle(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/cycles/{agreementId}/{year:int}/close")] HttpRequest request, string agreementId, int year, [DurableClient] DurableTaskClient client) =>
        ToResult(await coordinator.CloseAsync(client, agreementId, year, ApiActor));

    [Function(nameof(ResendOwnerLink))]
    public async Task<IActionResult> ResendOwnerLink(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/cycles/{agreementId}/{year:int}/owners/{ownerId}/resend")] HttpRequest request, string agreementId, int year, string ownerId) =>
        ToResult(await coordinator.ResendLinkAsync(agreementId, year, ownerId, ApiActor));

    [Function(nameof(ReplaceOwner))]
    public async Task<IActionResult> ReplaceOwner(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/cycles/{agreementId}/{year:int}/owners/{ownerId}/replace")] HttpRequest request,
        string agreementId, int year, string ownerId, [DurableClient] DurableTaskClient client)
    {
        var body = await request.ReadFromJsonAsync<ReplacementOwner>(request.HttpContext.RequestAborted);
        return body is null ? new BadRequestObjectResult("Body required.") : ToResult(await coordinator.ReplaceOwnerAsync(client, agreementId, year, ownerId, body, ApiActor));
    }

    [Function(nameof(ResumeCycle))]
    public async Task<IActionResult> ResumeCycle(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/cycles/{agreementId}/{year:int}/resume")] HttpRequest request, string agreementId, int year, [DurableClient] DurableTaskClient client) =>
        ToResult(await coordinator.ResumeAsync(client, agreementId, year, ApiActor));

    [Function(nameof(MigrateStorage))]
    public async Task<IActionResult> MigrateStorage(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/migrate")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        ToResult(await coordinator.MigrateAsync(client, ApiActor, request.HttpContext.RequestAborted));

    [Function(nameof(ImportAgreement))]
    public async Task<IActionResult> ImportAgreement([HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/agreements")] HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        return ToResult(await coordinator.ImportAgreementAsync(buffer.ToArray(), ApiActor, request.HttpContext.RequestAborted));
    }

    [Function(nameof(PurgePersonalData))]
    public async Task<IActionResult> PurgePersonalData(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/retention/purge")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        ToResult(await coordinator.PurgeAsync(client, ApiActor, request.HttpContext.RequestAborted));

    [Function(nameof(DownloadReport))]
    public async Task<IActionResult> DownloadReport(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/cycles/{agreementId}/{year:int}/report")] HttpRequest request, string agreementId, int year) =>
        await coordinator.ReportAsync(agreementId, year, request.Query["regenerate"] == "true", TextCatalog.Normalize(request.Query["lang"].FirstOrDefault())) is { } report
            ? new FileContentResult(report.Bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document") { FileDownloadName = report.FileName }
            : new NotFoundResult();

    static ObjectResult ToResult(CoordinatorResult result) => new(new { message = result.Message, body = result.Body }) { StatusCode = result.StatusCode };
}
