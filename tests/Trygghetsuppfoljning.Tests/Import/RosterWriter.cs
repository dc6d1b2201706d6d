using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Import;

namespace Trygghetsuppfoljning.Tests.Import;

/// <summary>Writes rosters the way a municipality's spreadsheet holds them: tests build valid and broken ones with it, and it made templates/import/exempel-roster.xlsx.</summary>
public static class RosterWriter
{
    /// <param name="headings">The heading row; every roster column when null.</param>
    public static byte[] Write(IReadOnlyList<string[]> header, IReadOnlyList<string[]> measureRows, IReadOnlyList<string>? headings = null)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            AddSheet(workbook, 1, RosterColumns.MeasuresSheet, [[.. headings ?? RosterColumns.All], .. measureRows]);
            AddSheet(workbook, 2, RosterColumns.AgreementSheet, header);
            workbook.Workbook.Save();
        }

        return buffer.ToArray();
    }

    public static (List<string[]> Header, List<string[]> Rows) From(Agreement a)
    {
        var header = new List<string[]>
        {
            new[] { RosterColumns.KeyId, a.Id },
            new[] { RosterColumns.KeyTitle, a.Title },
            new[] { RosterColumns.KeyMunicipality, a.Municipality },
            new[] { RosterColumns.KeyPoliceArea, a.PoliceArea },
            new[] { RosterColumns.KeySignedOn, a.SignedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            new[] { RosterColumns.KeyChair, a.Chair },
            new[] { RosterColumns.KeyCitizenPromise, a.CitizenPromise },
            new[] { RosterColumns.KeyCoordinator, $"{a.Coordinator.Name} <{a.Coordinator.Email}>" },
        };
        header.AddRange(a.SteeringGroup.Select(r => new[] { RosterColumns.KeySteeringGroup, $"{r.Name} <{r.Email}>" }));
        var rows = new List<string[]>();
        foreach (var m in a.Measures)
        {
            var area = a.FocusAreas.Single(f => f.Id == m.FocusAreaId).Title;
            var owner = a.OwnerOf(m);
            var indicators = m.Indicators.Count == 0 ? [(Indicator?)null] : m.Indicators.Select(i => (Indicator?)i).ToList();
            rows.AddRange(indicators.Select(i => new[]
            {
                area, m.Title, owner.Name, owner.Email, owner.Organisation.ToString(),
                i?.Name ?? string.Empty, i?.Unit ?? string.Empty,
                i?.Baseline?.ToString(CultureInfo.GetCultureInfo("sv-SE")) ?? string.Empty,
                i?.Target?.ToString(CultureInfo.GetCultureInfo("sv-SE")) ?? string.Empty,
                i is null ? string.Empty : i.Direction == IndicatorDirection.LowerIsBetter ? "Lägre är bättre" : "Högre är bättre",
                m.Code ?? string.Empty,
                i?.Kind.ToString() ?? string.Empty,
            }));
        }

        return (header, rows);
    }

    /// <summary>
    /// The same roster as one CSV file the way Excel saves "CSV UTF-8" in a Swedish locale: the agreement's key/value
    /// rows first, then the heading row and the measures; semicolons, quotes where needed.
    /// </summary>
    public static string WriteCsv(IReadOnlyList<string[]> header, IReadOnlyList<string[]> measureRows)
    {
        static string Field(string value) =>
            value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

        var lines = header.Concat([[.. RosterColumns.All]]).Concat(measureRows).Select(row => string.Join(';', row.Select(Field)));
        return string.Join("\r\n", lines) + "\r\n";
    }

    static void AddSheet(WorkbookPart workbook, uint id, string name, IReadOnlyList<string[]> rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (int r = 0; r < rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (int c = 0; c < rows[r].Length; c++)
            {
                if (rows[r][c].Length == 0)
                {
                    continue;
                }

                row.Append(new Cell
                {
                    CellReference = $"{(char)('A' + c)}{r + 1}",
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(rows[r][c]) { Space = SpaceProcessingModeValues.Preserve }),
                });
            }

            data.Append(row);
        }

        part.Worksheet = new Worksheet(data);
        workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name });
    }
}
