using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Trygghetsuppfoljning.Functions;
using Trygghetsuppfoljning.Workflows.Security;

namespace Trygghetsuppfoljning.IntegrationTests.Functions;

/// <summary>
/// The Functions app without the Functions host (which cannot be installed here): its services built by the very call
/// Program.cs makes, its function classes created from them, and each function called with a real HttpContext whose
/// answer is executed into a response as the host's ASP.NET Core integration does.
/// </summary>
public sealed class FunctionsApp : IDisposable
{
    readonly IHost host;

    FunctionsApp(IHost host) => this.host = host;

    public IServiceProvider Services => host.Services;

    public IHost Host => host;

    public CoordinatorFunctions Coordinator => ActivatorUtilities.CreateInstance<CoordinatorFunctions>(host.Services);

    public FormFunctions Forms => ActivatorUtilities.CreateInstance<FormFunctions>(host.Services);

    public FollowUpFunctions FollowUp => ActivatorUtilities.CreateInstance<FollowUpFunctions>(host.Services);

    public static FunctionsApp Build(IReadOnlyDictionary<string, string?> settings, string environment = "Development")
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Environment.EnvironmentName = environment;
        RunGeneratedExtensionStartup(builder);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddTrygghetsuppfoljningFunctions();
        return new FunctionsApp(builder.Build());
    }

    /// <summary>A request as the host hands it over; <paramref name="principal"/> becomes the X-MS-CLIENT-PRINCIPAL header.</summary>
    public HttpRequest Request(string method, string path, string? body = null, string? principal = null, string? contentType = "application/json")
    {
        var http = new DefaultHttpContext { RequestServices = host.Services };
        http.Request.Method = method;
        var query = path.IndexOf('?', StringComparison.Ordinal);
        http.Request.Path = query < 0 ? path : path[..query];
        http.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(path[query..]);
        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            http.Request.Body = new MemoryStream(bytes);
            http.Request.ContentLength = bytes.Length;
            http.Request.ContentType = contentType;
        }

        if (principal is not null)
        {
            http.Request.Headers[StaffPrincipal.HeaderName] = principal;
        }

        http.Response.Body = new MemoryStream();
        return http.Request;
    }

    /// <summary>Runs the function's answer against its request's response, as the host's ASP.NET Core integration does.</summary>
    /// <summary>An MVC result (the follow-up functions return these), executed as the worker's ASP.NET Core integration does.</summary>
    public static async Task<Answer> ExecuteAsync(HttpRequest request, Microsoft.AspNetCore.Mvc.IActionResult result)
    {
        await result.ExecuteResultAsync(new Microsoft.AspNetCore.Mvc.ActionContext(
            request.HttpContext, new Microsoft.AspNetCore.Routing.RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
        return await AnswerOf(request.HttpContext.Response);
    }

    public static async Task<Answer> ExecuteAsync(HttpRequest request, IResult result)
    {
        await result.ExecuteAsync(request.HttpContext);
        return await AnswerOf(request.HttpContext.Response);
    }

    static async Task<Answer> AnswerOf(HttpResponse response)
    {
        response.Body.Position = 0;
        using var reader = new StreamReader(response.Body, Encoding.UTF8);
        return new Answer(response.StatusCode, response.ContentType, await reader.ReadToEndAsync());
    }

    /// <summary>The header App Service Authentication sets for a signed-in person.</summary>
    public static string Principal(string name, params string[] roles)
    {
        var claims = new List<object> { new { typ = "name", val = name } };
        claims.AddRange(roles.Select(r => new { typ = "roles", val = r }));
        var json = JsonSerializer.Serialize(new { auth_typ = "aad", name_typ = "name", role_typ = "roles", claims });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }

    public void Dispose() => host.Dispose();

    /// <summary>
    /// The extensions' start-up (durable: data converter, input converters, shim factory) that the Worker SDK generated
    /// into the app; the worker runs it when the app is the entry assembly, which under the test runner it is not.
    /// </summary>
    static void RunGeneratedExtensionStartup(FunctionsApplicationBuilder builder)
    {
        var info = typeof(FunctionsAppSetup).Assembly.GetCustomAttribute<WorkerExtensionStartupCodeExecutorInfoAttribute>()
            ?? throw new InvalidOperationException("The Worker SDK generated no extension start-up into the Functions app.");
        ((WorkerExtensionStartup)Activator.CreateInstance(info.StartupCodeExecutorType)!).Configure(builder);
    }

    public sealed record Answer(int Status, string? ContentType, string Body)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;

        public string Message => Json.GetProperty("message").GetString() ?? string.Empty;
    }
}
