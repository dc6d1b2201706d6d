namespace Trygghetsuppfoljning.Workflows.Citizens;

/// <summary>What a host sends back for a public request: status, content type, bytes, headers (and a file name for downloads).</summary>
public sealed record PublicResponse(int StatusCode, string ContentType, byte[] Body, IReadOnlyDictionary<string, string> Headers, string? FileName = null);
