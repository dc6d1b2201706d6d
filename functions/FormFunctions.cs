using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Trygghetsuppfoljning.Workflows.Forms;
using Trygghetsuppfoljning.Workflows.Http;

namespace Trygghetsuppfoljning.Functions;

/// <summary>The owner's form: anonymous (the token is the credential), GET forms/{token} and POST forms/{token}.</summary>
public sealed class FormFunctions(FormService forms, FormRequestReader reader)
{
    [Function(nameof(ShowForm))]
    public async Task<FormPageResult> ShowForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "forms/{token}")] HttpRequest request, string token) =>
        new(await forms.ShowAsync(token, request.Query["lang"].FirstOrDefault(), request.HttpContext.RequestAborted));

    [Function(nameof(SubmitForm))]
    public async Task<FormPageResult> SubmitForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "forms/{token}")] HttpRequest request, string token)
    {
        var (submission, refusal) = await reader.ReadAsync(request, request.HttpContext.RequestAborted);
        return new(refusal ?? await forms.SubmitAsync(token, submission!, request.HttpContext.RequestAborted));
    }
}
