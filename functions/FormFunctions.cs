using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Trygghetsuppfoljning.Workflows.Forms;

namespace Trygghetsuppfoljning.Functions;

/// <summary>The owner's form: anonymous (the token is the credential), GET forms/{token} and POST forms/{token}.</summary>
public sealed class FormFunctions(FormService forms, FormRequestReader reader)
{
    [Function(nameof(ShowForm))]
    public async Task<IActionResult> ShowForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "forms/{token}")] HttpRequest request, string token) =>
        ToResult(request.HttpContext, await forms.ShowAsync(token, request.Query["lang"].FirstOrDefault(), request.HttpContext.RequestAborted));

    [Function(nameof(SubmitForm))]
    public async Task<IActionResult> SubmitForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "forms/{token}")] HttpRequest request, string token, [DurableClient] DurableTaskClient client)
    {
        var (submission, refusal) = await reader.ReadAsync(request, request.HttpContext.RequestAborted);
        return ToResult(request.HttpContext, refusal ?? await forms.SubmitAsync(client, token, submission!, request.HttpContext.RequestAborted));
    }

    static ContentResult ToResult(HttpContext http, FormPage page)
    {
        foreach (var (name, value) in page.Headers ?? new Dictionary<string, string>())
        {
            http.Response.Headers[name] = value;
        }

        return new ContentResult { StatusCode = page.StatusCode, Content = page.Html, ContentType = "text/html; charset=utf-8" };
    }
}
