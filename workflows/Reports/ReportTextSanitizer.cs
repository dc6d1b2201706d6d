using System.Text;

namespace Trygghetsuppfoljning.Workflows.Reports;

/// <summary>
/// Makes owners' free text safe for WordprocessingML. XML 1.0 forbids most C0 controls, lone surrogates and
/// U+FFFE/U+FFFF; any of them makes Word refuse the file. Everything else (emoji, right-to-left scripts,
/// markup-looking text) is kept as typed: the XML writer escapes &lt; and &amp;, so "&lt;/w:t&gt;" stays text.
/// </summary>
public static class ReportTextSanitizer
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (IsClean(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    sb.Append(c).Append(text[i + 1]);
                    i++;
                }

                continue;
            }

            if (IsAllowedSingle(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>Cuts to at most <paramref name="max"/> chars without splitting a surrogate pair; appends the ellipsis when cut.</summary>
    public static string Truncate(string text, int max, string ellipsis)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return string.Concat(text.AsSpan(0, cut).TrimEnd(), ellipsis);
    }

    static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (!IsAllowedSingle(c))
            {
                return false;
            }
        }

        return true;
    }

    // Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] (surrogate pairs handled by the caller).
    static bool IsAllowedSingle(char c) =>
        c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
}
