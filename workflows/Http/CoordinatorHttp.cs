using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Trygghetsuppfoljning.Workflows.Coordination;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Http;

/// <summary>
/// The coordinator API's HTTP shape, shared by the Functions app and the local host: bodies are read and answers
/// written with <see cref="DomainJson.Options"/> (enum names, the shape the status API returns), so the same request
/// means the same thing in both hosts and a malformed one is a 400 with a reason, never a 500.
/// </summary>
public static class CoordinatorHttp
{
    /// <summary>Request bodies are a few hundred bytes; an import has its own reader and limit.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static JsonHttpResult<CoordinatorResponse> ToHttpResult(CoordinatorResult result) =>
        Respond(result.StatusCode, result.Message, result.Body);

    public static JsonHttpResult<CoordinatorResponse> Respond(int statusCode, string message, object? body = null) =>
        TypedResults.Json(new CoordinatorResponse(message, body), DomainJson.Options, statusCode: statusCode);

    public static JsonHttpResult<CycleStatus> Status(CycleStatus status) => TypedResults.Json(status, DomainJson.Options);

    /// <summary>
    /// Reads the body as <typeparamref name="T"/>. Hand-written rather than host binding because the Functions host binds
    /// with ASP.NET Core's default options and answers a malformed body with 500; this gives both hosts one behaviour.
    /// </summary>
    public static async Task<(T? Value, JsonHttpResult<CoordinatorResponse>? Refusal)> ReadBodyAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, Respond(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MaxBodyBytes} bytes."));
        }

        using var buffer = new MemoryStream();
        try
        {
            await CopyBoundedAsync(request.Body, buffer, cancellationToken);
        }
        catch (InvalidDataException)
        {
            return (null, Respond(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MaxBodyBytes} bytes."));
        }

        if (buffer.Length == 0)
        {
            return (null, Respond(StatusCodes.Status400BadRequest, $"A JSON body ({typeof(T).Name}) is required."));
        }

        T? value;
        try
        {
            value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), DomainJson.Options);
        }
        catch (JsonException e)
        {
            // The serializer's message names the path and position ("$.organisation | LineNumber: 0 ..."), never a stack.
            return (null, Respond(StatusCodes.Status400BadRequest, $"The body is not a valid {typeof(T).Name}: {e.Message}"));
        }

        if (value is null)
        {
            return (null, Respond(StatusCodes.Status400BadRequest, $"A JSON body ({typeof(T).Name}) is required."));
        }

        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(value, new ValidationContext(value), errors, validateAllProperties: true))
        {
            return (null, Respond(StatusCodes.Status400BadRequest, string.Join(" ", errors.Select(e => e.ErrorMessage))));
        }

        return (value, null);
    }

    static async Task CopyBoundedAsync(Stream body, MemoryStream into, CancellationToken cancellationToken)
    {
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (into.Length + read > MaxBodyBytes)
            {
                throw new InvalidDataException("Body too large.");
            }

            into.Write(chunk, 0, read);
        }
    }
}
