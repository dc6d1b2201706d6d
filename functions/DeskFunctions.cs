using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Trygghetsuppfoljning.Workflows.Desk;
using Trygghetsuppfoljning.Workflows.Mail;

namespace Trygghetsuppfoljning.Functions;

/// <summary>
/// The coordinator's desk in Azure. Anonymous at the function level on purpose: App Service Authentication (Entra ID)
/// in front signs people in and passes X-MS-CLIENT-PRINCIPAL; the desk admits only the configured role.
/// </summary>
public sealed class DeskFunctions(DeskApp desk, DeskRequestReader reader, BounceMailboxPoller bounces)
{
    [Function(nameof(ServeDesk))]
    public async Task<IActionResult> ServeDesk(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "desk/{*path}")] HttpRequest request, string? path, [DurableClient] DurableTaskClient client)
    {
        var ct = request.HttpContext.RequestAborted;
        var response = await desk.HandleAsync(await reader.ReadAsync(request, path, ct), DeskAuthentication.AppServiceAuthentication, client, ct);
        await DeskRequestReader.WriteAsync(request.HttpContext.Response, response, ct);
        return new EmptyResult();
    }

    /// <summary>Reads non-delivery reports from Mail:BounceMailbox every five minutes (nothing to do when none is configured).</summary>
    [Function(nameof(PollBounceMailbox))]
    public async Task PollBounceMailbox([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        if (bounces.Enabled)
        {
            await bounces.PollAsync(cancellationToken);
        }
    }
}
