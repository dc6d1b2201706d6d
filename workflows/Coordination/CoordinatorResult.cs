namespace Trygghetsuppfoljning.Workflows.Coordination;

/// <summary>Outcome of a coordinator operation: a status code for the host and a message for the human.</summary>
public sealed record CoordinatorResult(int StatusCode, string Message, object? Body = null)
{
    public static CoordinatorResult Ok(string message, object? body = null) => new(200, message, body);

    public static CoordinatorResult Accepted(string message, object? body = null) => new(202, message, body);

    public static CoordinatorResult NotFound(string message) => new(404, message);

    public static CoordinatorResult Conflict(string message, object? body = null) => new(409, message, body);

    public static CoordinatorResult BadRequest(string message, object? body = null) => new(400, message, body);
}
