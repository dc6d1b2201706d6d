using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Trygghetsuppfoljning.Workflows.Security;

namespace Trygghetsuppfoljning.Workflows.Desk;

/// <summary>Binds an ASP.NET Core request (either host) to a <see cref="DeskRequest"/>; null when the body is too large or unreadable.</summary>
public sealed class DeskRequestReader(IOptions<DeskOptions> options)
{
    public async Task<DeskRequest?> ReadAsync(HttpRequest request, string? path, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        DeskUpload? upload = null;
        if (HttpMethods.IsPost(request.Method))
        {
            var max = options.Value.MaxUploadBytes;
            if (request.ContentLength > max)
            {
                return null;
            }

            if (request.HasFormContentType)
            {
                try
                {
                    var read = await request.ReadFormAsync(
                        new Microsoft.AspNetCore.Http.Features.FormOptions { MultipartBodyLengthLimit = max, ValueCountLimit = 100, ValueLengthLimit = 64 * 1024 },
                        cancellationToken);

                    // A repeated field is ambiguous (which one did the person mean?); the first wins, the anti-forgery value included.
                    foreach (var (name, values) in read)
                    {
                        form[name] = values.FirstOrDefault() ?? string.Empty;
                    }

                    if (read.Files.Count > 0 && read.Files[0] is { Length: > 0 } file)
                    {
                        using var buffer = new MemoryStream();
                        await file.CopyToAsync(buffer, cancellationToken);
                        upload = new DeskUpload(Path.GetFileName(file.FileName), buffer.ToArray());
                    }
                }
                catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
                {
                    return null;
                }
            }
        }

        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.FirstOrDefault() ?? string.Empty, StringComparer.Ordinal);
        var remote = request.HttpContext.Connection.RemoteIpAddress;
        var loopback = !request.IsHttps && remote is not null && IPAddress.IsLoopback(remote);
        return new DeskRequest(
            request.Method.ToUpperInvariant(),
            (path ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries),
            query,
            form,
            upload,
            request.Cookies[DeskSessions.CookieName],
            request.Headers[StaffPrincipal.HeaderName].FirstOrDefault(),
            loopback);
    }

    /// <summary>Writes a <see cref="DeskResponse"/>: status, security headers, cookies, then the page, file or redirect.</summary>
    public static async Task WriteAsync(HttpResponse response, DeskResponse desk, CancellationToken cancellationToken)
    {
        response.StatusCode = desk.StatusCode;
        foreach (var (name, value) in DeskResponse.SecurityHeaders)
        {
            response.Headers[name] = value;
        }

        foreach (var cookie in desk.SetCookies ?? [])
        {
            response.Headers.Append("Set-Cookie", cookie);
        }

        if (desk.Location is not null)
        {
            response.Headers.Location = desk.Location;
            return;
        }

        response.ContentType = desk.ContentType;
        if (desk.File is not null)
        {
            response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = desk.FileName, DispositionType = "attachment" }.ToString();
            await response.Body.WriteAsync(desk.File, cancellationToken);
            return;
        }

        await response.WriteAsync(desk.Html ?? string.Empty, cancellationToken);
    }
}
