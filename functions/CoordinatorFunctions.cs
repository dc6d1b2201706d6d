using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Trygghetsuppfoljning.Workflows.Coordination;
using Trygghetsuppfoljning.Workflows.Http;
using Trygghetsuppfoljning.Workflows.Security;
using Trygghetsuppfoljning.Workflows.Templates;

namespace Trygghetsuppfoljning.Functions;

/// <summary>
/// The coordinator API: a function key, and (checked first, by <see cref="StaffGate"/>) a signed-in person holding the
/// coordinator app role. Bodies and answers use the JSON both hosts share (<see cref="CoordinatorHttp"/>).
/// </summary>
public sealed class CoordinatorFunctions(CoordinatorService coordinator, StaffGate staff)
{
    [Function(nameof(StartCycle))]
    public async Task<JsonHttpResult<CoordinatorResponse>> StartCycle(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/cycles")] HttpRequest request, [DurableClient] DurableTaskClient client)
    {
        if (staff.Refuse(request, out var actor) is { } refused)
        {
            return refused;
        }

        var (body, invalid) = await CoordinatorHttp.ReadBodyAsync<StartCycleRequest>(request, request.HttpContext.RequestAborted);
        return invalid ?? CoordinatorHttp.ToHttpResult(await coordinator.StartAsync(client, body!.AgreementId, body.Year, body.DeadlineUtc, actor, request.HttpContext.RequestAborted));
    }

    [Function(nameof(GetCycleStatus))]
    public async Task<Results<JsonHttpResult<CycleStatus>, NotFound, JsonHttpResult<CoordinatorResponse>>> GetCycleStatus(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/cycles/{agreementId}/{year:int}")] HttpRequest request, string agreementId, int year, [DurableClient] DurableTaskClient client)
    {
        if (staff.Refuse(request, out _) is { } refused)
        {
            return refused;
        }

        return await coordinator.StatusAsync(client, agreementId, year, request.HttpContext.RequestAborted) is { } status ? CoordinatorHttp.Status(status) : TypedResults.NotFound();
    }

    [Function(nameof(ExtendDeadline))]
    public async Task<JsonHttpResult<CoordinatorResponse>> ExtendDeadline(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/cycles/{agreementId}/{year:int}/extend")] HttpRequest request, string agreementId, int year, [DurableClient] DurableTaskClient client)
    {
        if (staff.Refuse(request, out var actor) is { } refused)
        {
            return refused;
        }

        var (body, invalid) = await CoordinatorHttp.ReadBodyAsync<ExtendDeadlineRequest>(request, request.HttpContext.RequestAborted);
        return invalid ?? CoordinatorHttp.ToHttpResult(await coordinator.ExtendAsync(client, agreementId, year, body!.DeadlineUtc!.Value, actor, request.HttpContext.RequestAborted));
    }

    [Function(nameof(CloseCycle))]
    public async Task<JsonHttpResult<CoordinatorResponse>> CloseCycle(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/cycles/{agreementId}/{year:int}/close")] HttpRequest request, string agreementId, int year, [DurableClient] DurableTaskClient client) =>
        staff.Refuse(request, out var actor) ?? CoordinatorHttp.ToHttpResult(await coordinator.CloseAsync(client, agreementId, year, actor, request.HttpContext.RequestAborted));

    [Function(nameof(ResendOwnerLink))]
    public async Task<JsonHttpResult<CoordinatorResponse>> ResendOwnerLink(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/cycles/{agreementId}/{year:int}/owners/{ownerId}/resend")] HttpRequest request, string agreementId, int year, string ownerId) =>
        staff.Refuse(request, out var actor) ?? CoordinatorHttp.ToHttpResult(await coordinator.ResendLinkAsync(agreementId, year, ownerId, actor, request.HttpContext.RequestAborted));

    [Function(nameof(ReplaceOwner))]
    public async Task<JsonHttpResult<CoordinatorResponse>> ReplaceOwner(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/cycles/{agreementId}/{year:int}/owners/{ownerId}/replace")] HttpRequest request,
        string agreementId, int year, string ownerId, [DurableClient] DurableTaskClient client)
    {
        if (staff.Refuse(request, out var actor) is { } refused)
        {
            return refused;
        }

        var (body, invalid) = await CoordinatorHttp.ReadBodyAsync<ReplacementOwner>(request, request.HttpContext.RequestAborted);
        return invalid ?? CoordinatorHttp.ToHttpResult(await coordinator.ReplaceOwnerAsync(client, agreementId, year, ownerId, body!, actor, request.HttpContext.RequestAborted));
    }

    [Function(nameof(ResumeCycle))]
    public async Task<JsonHttpResult<CoordinatorResponse>> ResumeCycle(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/cycles/{agreementId}/{year:int}/resume")] HttpRequest request, string agreementId, int year, [DurableClient] DurableTaskClient client) =>
        staff.Refuse(request, out var actor) ?? CoordinatorHttp.ToHttpResult(await coordinator.ResumeAsync(client, agreementId, year, actor, request.HttpContext.RequestAborted));

    [Function(nameof(MigrateStorage))]
    public async Task<JsonHttpResult<CoordinatorResponse>> MigrateStorage(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/migrate")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        staff.Refuse(request, out var actor) ?? CoordinatorHttp.ToHttpResult(await coordinator.MigrateAsync(client, actor, request.HttpContext.RequestAborted));

    [Function(nameof(ImportAgreement))]
    public async Task<JsonHttpResult<CoordinatorResponse>> ImportAgreement([HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/agreements")] HttpRequest request)
    {
        if (staff.Refuse(request, out var actor) is { } refused)
        {
            return refused;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        return CoordinatorHttp.ToHttpResult(await coordinator.ImportAgreementAsync(buffer.ToArray(), actor, request.HttpContext.RequestAborted));
    }

    [Function(nameof(ImportHistory))]
    public async Task<JsonHttpResult<CoordinatorResponse>> ImportHistory(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/agreements/{agreementId}/history")] HttpRequest request, string agreementId)
    {
        if (staff.Refuse(request, out var actor) is { } refused)
        {
            return refused;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        return CoordinatorHttp.ToHttpResult(await coordinator.ImportHistoryAsync(agreementId, buffer.ToArray(), actor, request.HttpContext.RequestAborted));
    }

    [Function(nameof(PurgePersonalData))]
    public async Task<JsonHttpResult<CoordinatorResponse>> PurgePersonalData(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/retention/purge")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        staff.Refuse(request, out var actor) ?? CoordinatorHttp.ToHttpResult(await coordinator.PurgeAsync(client, actor, request.HttpContext.RequestAborted));

    [Function(nameof(DownloadReport))]
    public async Task<Results<FileContentHttpResult, NotFound, JsonHttpResult<CoordinatorResponse>>> DownloadReport(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/cycles/{agreementId}/{year:int}/report")] HttpRequest request, string agreementId, int year)
    {
        if (staff.Refuse(request, out _) is { } refused)
        {
            return refused;
        }

        var regenerate = request.Query["regenerate"] == "true";
        return await coordinator.ReportAsync(agreementId, year, regenerate, TextCatalog.Normalize(request.Query["lang"].FirstOrDefault()), request.HttpContext.RequestAborted) is { } report
            ? TypedResults.File(report.Bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", report.FileName)
            : TypedResults.NotFound();
    }

    [Function(nameof(ReopenOwners))]
    public async Task<JsonHttpResult<CoordinatorResponse>> ReopenOwners(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/cycles/{agreementId}/{year:int}/reopen")] HttpRequest request, string agreementId, int year, [DurableClient] DurableTaskClient client)
    {
        if (staff.Refuse(request, out var actor) is { } refused)
        {
            return refused;
        }

        var (body, invalid) = await CoordinatorHttp.ReadBodyAsync<ReopenOwnersRequest>(request, request.HttpContext.RequestAborted);
        return invalid ?? CoordinatorHttp.ToHttpResult(
            await coordinator.ReopenOwnersAsync(client, agreementId, year, body!.OwnerIds!, body.DeadlineUtc!.Value, actor, request.HttpContext.RequestAborted));
    }

    [Function(nameof(CloseReturnRound))]
    public async Task<JsonHttpResult<CoordinatorResponse>> CloseReturnRound(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/cycles/{agreementId}/{year:int}/reopen/close")] HttpRequest request, string agreementId, int year, [DurableClient] DurableTaskClient client) =>
        staff.Refuse(request, out var actor) ?? CoordinatorHttp.ToHttpResult(await coordinator.CloseReturnRoundAsync(client, agreementId, year, actor, request.HttpContext.RequestAborted));
}
