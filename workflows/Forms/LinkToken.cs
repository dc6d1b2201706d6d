using System.Security.Cryptography;
using System.Text;

namespace Trygghetsuppfoljning.Workflows.Forms;

/// <summary>
/// The opaque token in an owner's link: 256 bits from the OS CSPRNG, base64url. Only its SHA-256 is stored.
/// </summary>
public static class LinkToken
{
    const int TokenBytes = 32;

    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(TokenBytes));

    /// <summary>Hex SHA-256 of a well-formed token; null for anything that cannot be a token we issued.</summary>
    public static string? HashOf(string? token)
    {
        if (token is null || token.Length != 43 || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return null;
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
    }

    /// <summary>Constant-time check that a stored hash belongs to the presented token.</summary>
    public static bool Matches(string token, string storedHash)
    {
        var hash = HashOf(token);
        return hash is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(storedHash));
    }

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
