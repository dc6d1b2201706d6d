using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Trygghetsuppfoljning.Workflows.Forms;

namespace Trygghetsuppfoljning.Local.Engine;

/// <summary>GET/POST forms/{token}: binds the request, calls <see cref="FormService"/>, writes the page. Nothing else.</summary>
internal static class FormEndpoints
{
    public static void MapFormEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/forms/{token}", async (string token, string? lang, FormService forms, HttpContext http) =>
            await WriteAsync(http, await forms.ShowAsync(token, lang, http.RequestAborted)));

        app.MapPost("/forms/{token}", async (string token, FormService forms, FormPageRenderer pages, Microsoft.DurableTask.Client.DurableTaskClient durable, IOptions<Workflows.Forms.FormOptions> options, HttpContext http) =>
        {
            var fields = new List<KeyValuePair<string, string>>();
            try
            {
                // Kestrel stops reading at its own limit and drops the connection, so a browser would show a reset instead
                // of our page. Bodies a little over the limit are read to the end and answered; only far larger ones are cut.
                var limit = options.Value.MaxRequestBytes;
                http.Features.GetRequiredFeature<IHttpMaxRequestBodySizeFeature>().MaxRequestBodySize = limit * 4L;
                if (http.Request.ContentLength > limit)
                {
                    await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
                    await WriteAsync(http, pages.TooLarge(Workflows.Templates.TextCatalog.Normalize(http.Request.Query["lang"].FirstOrDefault()), limit));
                    return;
                }

                if (IsUrlEncoded(http.Request.ContentType))
                {
                    // Read as sent (see UrlEncodedForm): one stray control character must not cost the owner everything.
                    using var body = new MemoryStream();
                    await http.Request.Body.CopyToAsync(body, http.RequestAborted);
                    if (body.Length > limit)
                    {
                        await WriteAsync(http, pages.TooLarge(Workflows.Templates.TextCatalog.Normalize(http.Request.Query["lang"].FirstOrDefault()), limit));
                        return;
                    }

                    fields = UrlEncodedForm.Parse(body.GetBuffer().AsSpan(0, (int)body.Length));
                }
                else if (http.Request.HasFormContentType)
                {
                    var form = await http.Request.ReadFormAsync(http.RequestAborted);
                    foreach (var (key, values) in form)
                    {
                        fields.AddRange(values.Select(v => new KeyValuePair<string, string>(key, v ?? string.Empty)));
                    }
                }
            }
            catch (Exception e) when (e is BadHttpRequestException or InvalidDataException or IOException)
            {
                // Over the size or field-count limits (413 / InvalidDataException), or a body no browser sends: a clear page, never a 500.
                var lang = Workflows.Templates.TextCatalog.Normalize(http.Request.Query["lang"].FirstOrDefault());
                var tooLarge = e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } || e is InvalidDataException && e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase);
                await WriteAsync(http, tooLarge ? pages.TooLarge(lang, options.Value.MaxRequestBytes) : pages.Unreadable(lang));
                return;
            }

            var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            await WriteAsync(http, await forms.SubmitAsync(durable, token, new FormSubmission(fields, address, http.Request.ContentLength), http.RequestAborted));
        });
    }

    static bool IsUrlEncoded(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

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
