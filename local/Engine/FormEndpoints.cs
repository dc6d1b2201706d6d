using Microsoft.DurableTask.Client;
using Trygghetsuppfoljning.Workflows.Forms;

namespace Trygghetsuppfoljning.Local.Engine;

/// <summary>GET/POST forms/{token}: binds the request, calls <see cref="FormService"/>, writes the page. Nothing else.</summary>
internal static class FormEndpoints
{
    public static void MapFormEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/forms/{token}", async (string token, string? lang, FormService forms, HttpContext http) =>
            await WriteAsync(http, await forms.ShowAsync(token, lang, http.RequestAborted)));

        app.MapPost("/forms/{token}", async (string token, FormService forms, FormRequestReader reader, DurableTaskClient durable, HttpContext http) =>
        {
            var (submission, refusal) = await reader.ReadAsync(http.Request, http.RequestAborted);
            await WriteAsync(http, refusal ?? await forms.SubmitAsync(durable, token, submission!, http.RequestAborted));
        });
    }

    static async Task WriteAsync(HttpContext http, FormPage page)
    {
        http.Response.StatusCode = page.StatusCode;
        http.Response.ContentType = "text/html; charset=utf-8";
        foreach (var (name, value) in page.Headers ?? new Dictionary<string, string>())
        {
            http.Response.Headers[name] = value;
        }

        await http.Response.WriteAsync(page.Html, http.RequestAborted);
    }
}
