using System.Security.Cryptography;
using System.Text;

namespace Trygghetsuppfoljning.Workflows.Coordination;

/// <summary>Bound from the <c>Coordinator</c> section. Locally the API is protected by this key; in Azure by function keys / Entra ID.</summary>
public sealed class CoordinatorOptions
{
    public const string SectionName = "Coordinator";

    public const string HeaderName = "X-Api-Key";

    /// <summary>No key configured means every call is refused: the safe default.</summary>
    public string? ApiKey { get; set; }

    public bool Accepts(string? presented) =>
        !string.IsNullOrEmpty(ApiKey) && presented is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(ApiKey)));
}
