using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Trygghetsuppfoljning.Workflows.Forms;
using Trygghetsuppfoljning.Workflows.Templates;

namespace Trygghetsuppfoljning.Functions;

/// <summary>The owner's form: anonymous (the token is the credential), GET forms/{token} and POST forms/{token}.</summary>
public sealed class FormFunctions(FormService forms, FormPageRenderer pages, IOptions<Workflows.Forms.FormOptions> options)
{
    [Function(nameof(ShowForm))]
    public async Task<IActionResult> ShowForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "forms/{token}")] HttpRequest request, string token) =>
        ToResult(request.HttpContext, await forms.ShowAsync(token, request.Query["lang"].FirstOrDefault(), request.HttpContext.RequestAborted));

    [Function(nameof(SubmitForm))]
    public async Task<IActionResult> SubmitForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "forms/{token}")] HttpRequest request, string token, [DurableClient] DurableTaskClient client)
    {
        var fields = new List<KeyValuePair<string, string>>();
        try
        {
            // Bodies a little over the limit are read to the end and answered with our page (a host that stops reading
            // drops the connection, and the browser shows a reset); only far larger ones are cut.
            var max = options.Value.MaxRequestBytes;
            if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = max * 4L;
            }

            if (request.ContentLength > max)
            {
                await request.Body.CopyToAsync(Stream.Null, request.HttpContext.RequestAborted);
                return ToResult(request.HttpContext, pages.TooLarge(TextCatalog.Normalize(request.Query["lang"].FirstOrDefault()), max));
            }

            if (request.ContentType is { } type && type.Split(';')[0].Trim().Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            {
                // Read as sent (see UrlEncodedForm): one stray control character must not cost the owner everything.
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
                if (body.Length > max)
                {
                    return ToResult(request.HttpContext, pages.TooLarge(TextCatalog.Normalize(request.Query["lang"].FirstOrDefault()), max));
                }

                fields = UrlEncodedForm.Parse(body.GetBuffer().AsSpan(0, (int)body.Length));
            }
            else if (request.HasFormContentType)
            {
                foreach (var (key, values) in await request.ReadFormAsync(request.HttpContext.RequestAborted))
                {
                    fields.AddRange(values.Select(v => new KeyValuePair<string, string>(key, v ?? string.Empty)));
                }
            }
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException or IOException)
        {
            // Over the size or field-count limits (413 / InvalidDataException), or a body no browser sends: a clear page, never a 500.
            var lang = TextCatalog.Normalize(request.Query["lang"].FirstOrDefault());
            var tooLarge = e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } || e is InvalidDataException && e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase);
            return ToResult(request.HttpContext, tooLarge ? pages.TooLarge(lang, options.Value.MaxRequestBytes) : pages.Unreadable(lang));
        }

        var address = request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return ToResult(request.HttpContext, await forms.SubmitAsync(client, token, new FormSubmission(fields, address, request.ContentLength), request.HttpContext.RequestAborted));
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
