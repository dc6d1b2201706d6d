namespace Trygghetsuppfoljning.Workflows.Reports;

/// <summary>
/// Column widths from content, so no heading or name is broken inside a word: every fixed column is as wide as its
/// longest word (heading or cell) needs, and the flexible columns (long free text) share what is left.
/// </summary>
internal static class ReportColumns
{
    // 9 pt table text: an average Arial character is about 5 pt wide, bold and digits up to 6 pt (LibreOffice's fallback fonts
    // are wider still); 2 × 85 twips of cell margin.
    const int TwipsPerChar = 115;
    const int CellPadding = 260;
    const int MinFlexible = 1400;

    public static int[] Fit(int textWidth, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, params int[] flexible)
    {
        var longest = headers.Select(h => LongestWord(h) * 1.08).ToArray(); // headings are bold
        var total = headers.Select(h => h.Length).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < Math.Min(row.Count, longest.Length); i++)
            {
                longest[i] = Math.Max(longest[i], LongestWord(row[i]));
                total[i] = Math.Max(total[i], row[i].Length);
            }
        }

        var widths = longest.Select(n => (int)(n * TwipsPerChar) + CellPadding).ToArray();
        var fixedSum = widths.Where((_, i) => !flexible.Contains(i)).Sum();
        var remaining = Math.Max(textWidth - fixedSum, MinFlexible * Math.Max(1, flexible.Length));
        if (flexible.Length > 0)
        {
            // Share the rest by how much text each flexible column holds, but never below its own longest word.
            var weights = flexible.Select(i => (double)Math.Max(1, total[i])).ToArray();
            var sum = weights.Sum();
            var given = 0;
            for (var k = 0; k < flexible.Length; k++)
            {
                var share = k == flexible.Length - 1 ? remaining - given : (int)(remaining * (weights[k] / sum));
                widths[flexible[k]] = Math.Max(share, Math.Min(widths[flexible[k]], remaining / flexible.Length));
                given += widths[flexible[k]];
            }
        }

        // A table wider than the page is scaled back proportionally (a very long word may then break, not the page).
        var width = widths.Sum();
        if (width > textWidth)
        {
            widths = widths.Select(w => (int)((long)w * textWidth / width)).ToArray();
        }

        widths[^1] += textWidth - widths.Sum();
        return widths;
    }

    /// <summary>The widest word in average-character units: m, w and capitals take half as much again, i, l, t and punctuation little.</summary>
    static double LongestWord(string text) =>
        text.Split([' ', '\n', '\t', '/'], StringSplitOptions.RemoveEmptyEntries).Select(Width).DefaultIfEmpty(0).Max();

    static double Width(string word) => word.Sum(c => c switch
    {
        'm' or 'w' or 'M' or 'W' => 1.5,
        _ when char.IsUpper(c) => 1.3,
        'i' or 'l' or 'j' or 't' or 'f' or 'r' or 'I' or '.' or ',' or ':' or '-' or '(' or ')' or '\'' => 0.6,
        _ => 1.0,
    });
}
