using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>
/// Owner ids name a person, so they come from what is unique to the person — the e-mail address — never from a
/// name or a row's position: the same roster sorted differently gives every person the same id. Ids are slugs
/// (lower-case ASCII letters, digits, dashes), safe in table keys, instance ids and URLs.
/// </summary>
public static partial class OwnerIds
{
    public const int MaxLength = 48;

    /// <summary>"Anna.Berg@Hoganas.se" → "anna-berg-hoganas-se"; long addresses are cut and get a short hash of the whole.</summary>
    public static string FromEmail(string email)
    {
        var normalized = email.Trim().ToLowerInvariant();
        var slug = Import.Slug.Of(normalized, maxLength: 200);
        if (slug.Length <= MaxLength)
        {
            return slug;
        }

        return FromEmailHashed(email);
    }

    /// <summary>The slug with a short hash of the whole address: for addresses whose slugs clash.</summary>
    public static string FromEmailHashed(string email)
    {
        var normalized = email.Trim().ToLowerInvariant();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)))[..8];
        var slug = Import.Slug.Of(normalized, maxLength: 200);
        return $"{(slug.Length > MaxLength - 9 ? slug[..(MaxLength - 9)] : slug).TrimEnd('-')}-{hash}";
    }

    public static bool IsValid(string? id) => id is { Length: > 0 and <= 64 } && Pattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")]
    private static partial Regex Pattern();
}
