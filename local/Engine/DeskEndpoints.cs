using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Trygghetsuppfoljning.Workflows.Desk;

namespace Trygghetsuppfoljning.Local.Engine;

/// <summary>GET/POST /desk/…: binds the request, hands it to <see cref="DeskApp"/>, writes what comes back. Nothing else.</summary>
internal static class DeskEndpoints
{
    public static void MapDeskEndpoints(this IEndpointRouteBuilder app) =>
        app.MapMethods("/desk/{**path}", [HttpMethods.Get, HttpMethods.Post], async (
            string? path, HttpContext http, DeskRequestReader reader, DeskApp desk, DurableTaskClient durable, IOptions<DeskOptions> options) =>
        {
            var request = await reader.ReadAsync(http.Request, path, http.RequestAborted);
            var response = await desk.HandleAsync(request, options.Value.Authentication, durable, http.RequestAborted);
            await DeskRequestReader.WriteAsync(http.Response, response, http.RequestAborted);
        });

    /// <summary>A one-time sign-in link to the desk of a running local host (printed by `serve` and the demo).</summary>
    public static string SignInLink(this LocalEngine engine, string name) =>
        $"{engine.BaseUrl}/desk/signin?token={engine.Services.GetRequiredService<DeskSessions>().IssueSignInToken(name)}";
}
