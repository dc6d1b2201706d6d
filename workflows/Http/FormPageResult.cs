using Microsoft.AspNetCore.Http;
using Trygghetsuppfoljning.Workflows.Forms;

namespace Trygghetsuppfoljning.Workflows.Http;

/// <summary>Writes a <see cref="FormPage"/> (status, HTML, its extra headers) the same way in both hosts.</summary>
public sealed class FormPageResult(FormPage page) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public FormPage Page { get; } = page;

    public int? StatusCode => Page.StatusCode;

    public string ContentType => "text/html; charset=utf-8";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = Page.StatusCode;
        httpContext.Response.ContentType = ContentType;
        foreach (var (name, value) in Page.Headers ?? new Dictionary<string, string>())
        {
            httpContext.Response.Headers[name] = value;
        }

        await httpContext.Response.WriteAsync(Page.Html, httpContext.RequestAborted);
    }
}
