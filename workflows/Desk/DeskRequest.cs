using Trygghetsuppfoljning.Workflows.Templates;

namespace Trygghetsuppfoljning.Workflows.Desk;

/// <summary>
/// One request to the desk as both hosts hand it over: the path below <c>/desk</c>, query and form fields, an uploaded
/// file, the session cookie and the platform's principal header, and whether the connection counts as secure.
/// </summary>
public sealed record DeskRequest(
    string Method,
    string[] Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Form,
    DeskUpload? Upload,
    string? SessionCookie,
    string? PrincipalHeader,
    bool Loopback)
{
    public string Lang => TextCatalog.Normalize(Form.GetValueOrDefault("lang") ?? Query.GetValueOrDefault("lang"));

    public bool IsPost => string.Equals(Method, "POST", StringComparison.OrdinalIgnoreCase);

    public string? Field(string name) => Form.TryGetValue(name, out var v) ? v : Query.GetValueOrDefault(name);
}
