using System.Text;
using System.Text.Json;

namespace Trygghetsuppfoljning.Workflows.Security;

/// <summary>
/// The signed-in person as App Service Authentication (Easy Auth) hands it to the app: the base64 JSON of the
/// <c>X-MS-CLIENT-PRINCIPAL</c> header. The platform strips that header from outside requests, so only the
/// platform can set it; the app decides only whether the principal holds the coordinator role.
/// </summary>
public sealed record StaffPrincipal(string Name, string? IdentityProvider, IReadOnlyList<string> Roles)
{
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";

    const string DefaultRoleClaim = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";

    public bool HasRole(string role) => Roles.Contains(role, StringComparer.OrdinalIgnoreCase);

    /// <summary>Null for a missing or unreadable header (treated as not signed in).</summary>
    public static StaffPrincipal? FromHeader(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Length > 64 * 1024)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header.Trim())));
            var root = json.RootElement;
            var roleType = root.TryGetProperty("role_typ", out var rt) && rt.ValueKind == JsonValueKind.String ? rt.GetString()! : DefaultRoleClaim;
            var nameType = root.TryGetProperty("name_typ", out var nt) && nt.ValueKind == JsonValueKind.String ? nt.GetString()! : "name";
            var claims = root.TryGetProperty("claims", out var c) && c.ValueKind == JsonValueKind.Array
                ? c.EnumerateArray()
                    .Where(e => e.ValueKind == JsonValueKind.Object)
                    .Select(e => (Type: Text(e, "typ"), Value: Text(e, "val")))
                    .Where(x => x.Type is not null && x.Value is not null)
                    .ToList()
                : [];
            var roles = claims.Where(x => x.Type == roleType || x.Type == "roles").Select(x => x.Value!).Distinct(StringComparer.Ordinal).ToList();
            var name = claims.FirstOrDefault(x => x.Type == nameType).Value
                ?? claims.FirstOrDefault(x => x.Type is "preferred_username" or "name" or "upn").Value
                ?? "okänd";
            var provider = root.TryGetProperty("auth_typ", out var at) && at.ValueKind == JsonValueKind.String ? at.GetString() : null;
            return new StaffPrincipal(name, provider, roles);
        }
        catch (Exception e) when (e is FormatException or JsonException or DecoderFallbackException)
        {
            return null;
        }
    }

    static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
