using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Trygghetsuppfoljning.Workflows.Import;

/// <summary>A worksheet's cells as text, by 1-based row number and column letters. Enough for a roster; no formulas evaluated.</summary>
public sealed partial class SpreadsheetTable
{
    readonly SortedDictionary<int, Dictionary<string, string>> rows;

    SpreadsheetTable(SortedDictionary<int, Dictionary<string, string>> rows) => this.rows = rows;

    public IEnumerable<int> RowNumbers => rows.Keys;

    public string Cell(int row, string column) => rows.TryGetValue(row, out var cells) && cells.TryGetValue(column, out var v) ? v.Trim() : string.Empty;

    public IReadOnlyDictionary<string, string> Row(int row) => rows.TryGetValue(row, out var cells) ? cells : new Dictionary<string, string>();

    /// <summary>A table from rows of cells (row 1 first), columns lettered A, B, … as in a worksheet.</summary>
    public static SpreadsheetTable FromRows(IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = new SortedDictionary<int, Dictionary<string, string>>();
        var number = 0;
        foreach (var row in rows)
        {
            number++;
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < row.Count; i++)
            {
                cells[ColumnLetters(i)] = row[i];
            }

            table[number] = cells;
        }

        return new SpreadsheetTable(table);
    }

    /// <summary>Only the rows the predicate keeps, under their original numbers (so errors still name the file's row).</summary>
    public SpreadsheetTable Where(Func<int, bool> keepRow) =>
        new(new SortedDictionary<int, Dictionary<string, string>>(rows.Where(r => keepRow(r.Key)).ToDictionary(r => r.Key, r => r.Value)));

    static string ColumnLetters(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    /// <summary>Sheets by name (case-insensitive), in workbook order.</summary>
    public static IReadOnlyList<(string Name, SpreadsheetTable Table)> ReadAll(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("The file has no workbook.");
        var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var result = new List<(string, SpreadsheetTable)>();
        foreach (var sheet in workbook.Workbook?.Sheets?.Elements<Sheet>() ?? [])
        {
            if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
            {
                continue;
            }

            var rows = new SortedDictionary<int, Dictionary<string, string>>();
            foreach (var row in part.Worksheet?.Descendants<Row>() ?? [])
            {
                if (rows.Count >= RosterReader.MaxRows)
                {
                    throw new InvalidDataException($"Bladet '{sheet.Name?.Value}' har fler än {RosterReader.MaxRows} rader.");
                }

                var number = (int)(row.RowIndex?.Value ?? 0);
                var cells = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnOf(cell.CellReference?.Value);
                    if (column is null)
                    {
                        continue;
                    }

                    cells[column] = ValueOf(cell, shared);
                }

                rows[number] = cells;
            }

            result.Add((sheet.Name?.Value ?? string.Empty, new SpreadsheetTable(rows)));
        }

        return result;
    }

    static string ValueOf(Cell cell, List<string> shared)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? string.Empty;
        }

        var raw = cell.CellValue?.Text ?? string.Empty;
        return cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, out var index) && index >= 0 && index < shared.Count ? shared[index] : raw;
    }

    static string? ColumnOf(string? reference) => reference is null ? null : LettersPattern().Match(reference).Value is { Length: > 0 } letters ? letters : null;

    [GeneratedRegex("^[A-Z]+")]
    private static partial Regex LettersPattern();
}
