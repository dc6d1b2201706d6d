using System.Globalization;
using System.Text;

namespace Trygghetsuppfoljning.Workflows.Import;

/// <summary>Ids from names: lower case ASCII letters, digits and dashes (å→a, ö→o), safe in table keys and instance ids.</summary>
public static class Slug
{
    public static string Of(string text, int maxLength = 40)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        slug = slug.Length > maxLength ? slug[..maxLength].TrimEnd('-') : slug;
        return slug.Length == 0 ? "x" : slug;
    }

    /// <summary>The slug, with -2, -3… appended while it is taken.</summary>
    public static string Unique(string text, ISet<string> taken)
    {
        var baseSlug = Of(text);
        var slug = baseSlug;
        for (int i = 2; !taken.Add(slug); i++)
        {
            slug = $"{baseSlug}-{i}";
        }

        return slug;
    }
}
