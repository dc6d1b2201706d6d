using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Trygghetsuppfoljning.Workflows.Templates;

namespace Trygghetsuppfoljning.Workflows.Forms;

/// <summary>
/// Reads a form POST the same way in both hosts (Kestrel locally, the Functions ASP.NET Core integration in Azure):
/// either the submission to hand to <see cref="FormService"/>, or the page that refuses the body.
/// </summary>
public sealed class FormRequestReader(FormPageRenderer pages, IOptions<FormOptions> options)
{
    public async Task<(FormSubmission? Submission, FormPage? Refusal)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxRequestBytes;
        var lang = TextCatalog.Normalize(request.Query["lang"].FirstOrDefault());
        var fields = new List<KeyValuePair<string, string>>();
        try
        {
            // A host that stops reading at its limit drops the connection, and the browser shows a reset instead of our
            // page. Bodies a little over the limit are read to the end and answered; only far larger ones are cut.
            if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = max * 4L;
            }

            if (request.ContentLength > max)
            {
                await request.Body.CopyToAsync(Stream.Null, cancellationToken);
                return (null, pages.TooLarge(lang, max));
            }

            if (IsUrlEncoded(request.ContentType))
            {
                // Read as sent (see UrlEncodedForm): one stray control character must not cost the owner everything.
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body, cancellationToken);
                if (body.Length > max)
                {
                    return (null, pages.TooLarge(lang, max));
                }

                fields = UrlEncodedForm.Parse(body.GetBuffer().AsSpan(0, (int)body.Length));
            }
            else if (request.HasFormContentType)
            {
                foreach (var (key, values) in await request.ReadFormAsync(cancellationToken))
                {
                    fields.AddRange(values.Select(v => new KeyValuePair<string, string>(key, v ?? string.Empty)));
                }
            }

            // Whatever was not read above (another content type, a multipart epilogue) is read now: see DrainAsync.
            await DrainAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException or IOException)
        {
            // Over the size or field-count limits (413 / InvalidDataException), or a body no browser sends: a clear page, never a 500.
            var tooLarge = e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                || (e is InvalidDataException && e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase));
            await DrainAsync(request, cancellationToken);
            return (null, tooLarge ? pages.TooLarge(lang, max) : pages.Unreadable(lang));
        }

        var address = request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return (new FormSubmission(fields, address, request.ContentLength), null);
    }

    // A refusal answered before the client finished sending leaves the connection half-read; the client's next request
    // on it then fails with a broken pipe. Read what is left (bounded by the body size limit above) before answering.
    static async Task DrainAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await request.Body.CopyToAsync(Stream.Null, cancellationToken);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException or IOException)
        {
            // Over the hard limit or a broken body: the server closes this connection itself, as it should.
        }
    }

    static bool IsUrlEncoded(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
}
