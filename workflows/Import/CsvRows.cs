namespace Trygghetsuppfoljning.Workflows.Import;

/// <summary>
/// Splits CSV text as Excel writes it ("CSV UTF-8" in a Swedish locale: semicolons, quoted fields with doubled
/// quotes, line breaks inside quotes). The separator is the one the heading row uses: semicolon, else tab, else comma.
/// </summary>
public static class CsvRows
{
    public static List<IReadOnlyList<string>> Parse(string text)
    {
        var separator = DetectSeparator(text);
        var rows = new List<IReadOnlyList<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == separator)
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }

    static char DetectSeparator(string text)
    {
        var heading = text.Split('\n').FirstOrDefault(l => l.Contains(RosterColumns.Measure, StringComparison.OrdinalIgnoreCase)) ?? text.Split('\n')[0];
        return heading.Contains(';', StringComparison.Ordinal) ? ';' : heading.Contains('\t', StringComparison.Ordinal) ? '\t' : heading.Contains(',', StringComparison.Ordinal) ? ',' : ';';
    }
}
