using Trygghetsuppfoljning.Workflows.Forms;
using Trygghetsuppfoljning.Workflows.Http;

namespace Trygghetsuppfoljning.Local.Engine;

/// <summary>GET/POST forms/{token}: binds the request, calls <see cref="FormService"/>, writes the page. Nothing else.</summary>
internal static class FormEndpoints
{
    public static void MapFormEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/forms/{token}", async (string token, string? lang, FormService forms, HttpContext http) =>
            new FormPageResult(await forms.ShowAsync(token, lang, http.RequestAborted)));

        app.MapPost("/forms/{token}", async (string token, FormService forms, FormRequestReader reader, HttpContext http) =>
        {
            var (submission, refusal) = await reader.ReadAsync(http.Request, http.RequestAborted);
            return new FormPageResult(refusal ?? await forms.SubmitAsync(token, submission!, http.RequestAborted));
        });
    }
}
