using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Trygghetsuppfoljning.Workflows.Forms;

/// <summary>
/// Anti-forgery value bound to the link token (its hash) and a time: HMAC-SHA256 under a configured key. Stateless,
/// so it survives restarts and works the same on both hosts.
/// </summary>
public sealed class AntiforgeryProtector(IOptions<FormOptions> options, TimeProvider time)
{
    static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    public string Issue(string tokenHash)
    {
        var issued = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{issued}.{Mac(tokenHash, issued)}";
    }

    public bool IsValid(string tokenHash, string? value)
    {
        if (value is null || value.Split('.') is not [var issued, var mac] || !long.TryParse(issued, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799));
        return age >= TimeSpan.FromMinutes(-5) && age <= Lifetime
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(mac), Encoding.ASCII.GetBytes(Mac(tokenHash, issued)));
    }

    string Mac(string tokenHash, string issued) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.AntiforgeryKey), Encoding.UTF8.GetBytes($"{tokenHash}|{issued}")));
}
