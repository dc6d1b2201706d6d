using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Import;

/// <summary>
/// An Excel roster (.xlsx), the form municipalities keep: sheet <c>Åtgärder</c> with a heading row and one row per
/// measure (a further row with the same focus area and measure adds an indicator), and sheet <c>Överenskommelse</c>
/// with the agreement's header as key/value rows. Every row is checked; errors name their sheet and row.
/// </summary>
public static class RosterReader
{
    static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static ImportResult Read(Stream xlsx)
    {
        IReadOnlyList<(string Name, SpreadsheetTable Table)> sheets;
        try
        {
            using var document = SpreadsheetDocument.Open(xlsx, false);
            sheets = SpreadsheetTable.ReadAll(document);
        }
        catch (Exception e) when (e is InvalidDataException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or FileFormatException or IOException)
        {
            return ImportResult.Failed(new ImportError(null, null, $"Filen är inte en läsbar Excel-fil (.xlsx): {e.Message}"));
        }

        var measuresSheet = sheets.FirstOrDefault(s => s.Name.Equals(RosterColumns.MeasuresSheet, StringComparison.OrdinalIgnoreCase)).Table ?? (sheets.Count > 0 ? sheets[0].Table : null);
        var headerSheet = sheets.FirstOrDefault(s => s.Name.Equals(RosterColumns.AgreementSheet, StringComparison.OrdinalIgnoreCase)).Table;
        var errors = new List<ImportError>();
        if (measuresSheet is null)
        {
            return ImportResult.Failed(new ImportError(null, null, $"Bladet '{RosterColumns.MeasuresSheet}' saknas"));
        }

        var header = ReadHeader(headerSheet, errors);
        var (areas, measures, owners, rowOf) = ReadMeasures(measuresSheet, errors);
        if (header is null)
        {
            return new ImportResult(null, errors);
        }

        var agreement = header with { FocusAreas = areas, Measures = measures, Owners = owners };
        foreach (var (path, message) in AgreementValidator.Validate(agreement))
        {
            // Header problems belong to the header sheet; measure and owner problems to the row that introduced them.
            var found = rowOf.TryGetValue(path.Split('.')[0], out var row);
            errors.Add(!found
                ? new ImportError(RosterColumns.AgreementSheet, null, message)
                : new ImportError(null, row, message));
        }

        var distinct = errors.DistinctBy(e => e.ToString()).OrderBy(e => e.Sheet is null ? 1 : 0).ThenBy(e => e.Line ?? 0).ToList();
        return new ImportResult(distinct.Count == 0 ? agreement : null, distinct);
    }

    static Agreement? ReadHeader(SpreadsheetTable? sheet, List<ImportError> errors)
    {
        if (sheet is null)
        {
            errors.Add(new ImportError(null, null, $"Bladet '{RosterColumns.AgreementSheet}' saknas (överenskommelsens id, titel, kommun, lokalpolisområde, samordnare, styrgrupp)"));
            return null;
        }

        var values = new Dictionary<string, (int Row, string Value)>(StringComparer.OrdinalIgnoreCase);
        var steering = new List<Recipient>();
        Recipient? coordinator = null;
        foreach (var row in sheet.RowNumbers)
        {
            var key = sheet.Cell(row, "A").TrimEnd(':');
            var value = sheet.Cell(row, "B");
            if (key.Length == 0)
            {
                continue;
            }

            if (key.Equals(RosterColumns.KeySteeringGroup, StringComparison.OrdinalIgnoreCase) || key.Equals(RosterColumns.KeyCoordinator, StringComparison.OrdinalIgnoreCase))
            {
                var isCoordinator = key.Equals(RosterColumns.KeyCoordinator, StringComparison.OrdinalIgnoreCase);
                foreach (var part in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (ParseRecipient(part, isCoordinator ? "Trygghetssamordnare" : null) is { } recipient)
                    {
                        if (isCoordinator)
                        {
                            coordinator = recipient;
                        }
                        else
                        {
                            steering.Add(recipient);
                        }
                    }
                    else
                    {
                        errors.Add(new ImportError(RosterColumns.AgreementSheet, row, $"{key}: '{part}' ska skrivas som Namn <e-post>"));
                    }
                }

                continue;
            }

            values[key] = (row, value);
        }

        string Get(string key) => values.TryGetValue(key, out var v) ? v.Value : string.Empty;
        var signed = new DateOnly(1, 1, 1);
        if (values.TryGetValue(RosterColumns.KeySignedOn, out var signedCell) && signedCell.Value.Length > 0)
        {
            if (DateOnly.TryParse(signedCell.Value, CultureInfo.InvariantCulture, out var parsed))
            {
                signed = parsed;
            }
            else if (double.TryParse(signedCell.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 100_000)
            {
                signed = DateOnly.FromDateTime(DateTime.FromOADate(serial));
            }
            else
            {
                errors.Add(new ImportError(RosterColumns.AgreementSheet, signedCell.Row, $"Undertecknad '{signedCell.Value}' är inget datum (ÅÅÅÅ-MM-DD)"));
            }
        }
        else
        {
            errors.Add(new ImportError(RosterColumns.AgreementSheet, null, "Undertecknad saknas"));
        }

        var id = Get(RosterColumns.KeyId);
        return new Agreement(
            id.Length == 0 && Get(RosterColumns.KeyMunicipality).Length > 0 ? Slug.Of(Get(RosterColumns.KeyMunicipality).Replace("kommun", string.Empty, StringComparison.OrdinalIgnoreCase)) : id,
            Get(RosterColumns.KeyTitle),
            Get(RosterColumns.KeyMunicipality),
            Get(RosterColumns.KeyPoliceArea),
            signed,
            Get(RosterColumns.KeyChair),
            Get(RosterColumns.KeyCitizenPromise),
            coordinator!,
            steering,
            [],
            [],
            [],
            []);
    }

    static (List<FocusArea>, List<Measure>, List<Owner>, Dictionary<string, int>) ReadMeasures(SpreadsheetTable sheet, List<ImportError> errors)
    {
        var areas = new List<FocusArea>();
        var measures = new List<Measure>();
        var owners = new List<Owner>();
        var rowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = sheet.RowNumbers.ToList();
        var headingRow = rows.FirstOrDefault(r => sheet.Row(r).Values.Any(v => v.Trim().Equals(RosterColumns.Measure, StringComparison.OrdinalIgnoreCase)));
        if (headingRow == 0)
        {
            errors.Add(new ImportError(RosterColumns.MeasuresSheet, null, $"Rubrikraden saknas (kolumnerna {string.Join(", ", RosterColumns.All)})"));
            return (areas, measures, owners, rowOf);
        }

        var columns = sheet.Row(headingRow).Where(c => c.Value.Trim().Length > 0).ToDictionary(c => c.Value.Trim(), c => c.Key, StringComparer.OrdinalIgnoreCase);
        foreach (var required in RosterColumns.All.Take(5).Where(c => !columns.ContainsKey(c)))
        {
            errors.Add(new ImportError(null, headingRow, $"Kolumnen '{required}' saknas"));
        }

        if (errors.Count > 0)
        {
            return (areas, measures, owners, rowOf);
        }

        var areaIds = new HashSet<string>(StringComparer.Ordinal);
        var measureIds = new HashSet<string>(StringComparer.Ordinal);
        var ownerIds = new HashSet<string>(StringComparer.Ordinal);
        var areaByTitle = new Dictionary<string, FocusArea>(StringComparer.OrdinalIgnoreCase);
        var ownerByEmail = new Dictionary<string, (Owner Owner, int Row)>(StringComparer.OrdinalIgnoreCase);
        var measureByKey = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows.Where(r => r > headingRow))
        {
            string Get(string column) => columns.TryGetValue(column, out var letters) ? sheet.Cell(row, letters) : string.Empty;
            if (RosterColumns.All.All(c => Get(c).Length == 0))
            {
                continue;
            }

            var rowErrors = errors.Count;
            void Error(string message) => errors.Add(new ImportError(null, row, message));
            var area = Get(RosterColumns.FocusArea);
            var title = Get(RosterColumns.Measure);
            var name = Get(RosterColumns.Owner);
            var email = Get(RosterColumns.Email);
            var organisationText = Get(RosterColumns.Organisation);
            if (area.Length == 0)
            {
                Error("Fokusområde saknas");
            }

            if (title.Length == 0)
            {
                Error("Åtgärd saknas");
            }

            if (name.Length == 0)
            {
                Error("Ansvarig saknas");
            }

            if (email.Length == 0)
            {
                Error("E-post saknas");
            }
            else if (!AgreementValidator.IsEmail(email))
            {
                Error($"E-post '{email}' är inte en giltig adress");
            }

            Organisation organisation = Organisation.Kommun;
            if (organisationText.Length == 0)
            {
                Error("Organisation saknas (Kommun eller Polis)");
            }
            else if (organisationText.StartsWith("kommun", StringComparison.OrdinalIgnoreCase))
            {
                organisation = Organisation.Kommun;
            }
            else if (organisationText.StartsWith("polis", StringComparison.OrdinalIgnoreCase))
            {
                organisation = Organisation.Polis;
            }
            else
            {
                Error($"Organisation '{organisationText}' ska vara Kommun eller Polis");
            }

            Indicator? indicator = null;
            var indicatorName = Get(RosterColumns.Indicator);
            if (indicatorName.Length > 0)
            {
                var unit = Get(RosterColumns.Unit);
                if (unit.Length == 0)
                {
                    Error($"Enhet saknas för indikatorn '{indicatorName}'");
                }

                var baseline = Number(Get(RosterColumns.Baseline), RosterColumns.Baseline, Error);
                var target = Number(Get(RosterColumns.Target), RosterColumns.Target, Error);
                var direction = Direction(Get(RosterColumns.Direction), Error);
                indicator = new Indicator(Slug.Of(indicatorName), indicatorName, unit, baseline, target, direction, RosterKind.Parse(Get(RosterColumns.Kind), Error));
            }
            else if (new[] { RosterColumns.Unit, RosterColumns.Baseline, RosterColumns.Target }.Any(c => Get(c).Length > 0))
            {
                Error("Indikator saknas (enhet eller värden är ifyllda)");
            }

            if (errors.Count > rowErrors)
            {
                continue;
            }

            // The same person on several rows must be written the same way.
            if (ownerByEmail.TryGetValue(email, out var known))
            {
                if (!known.Owner.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    Error($"E-post {email} står för '{known.Owner.Name}' på rad {known.Row}, här för '{name}'");
                    continue;
                }
            }
            else
            {
                var owner = new Owner(Slug.Unique(email.Split('@')[0], ownerIds), name, email, organisation);
                ownerByEmail[email] = (owner, row);
                rowOf[$"owners[{owners.Count}]"] = row;
                owners.Add(owner);
            }

            if (!areaByTitle.TryGetValue(area, out var focusArea))
            {
                focusArea = new FocusArea(Slug.Unique(area, areaIds), area);
                areaByTitle[area] = focusArea;
                rowOf[$"focusAreas[{areas.Count}]"] = row;
                areas.Add(focusArea);
            }

            var ownerId = ownerByEmail[email].Owner.Id;
            var key = $"{area}\u0001{title}";
            if (measureByKey.TryGetValue(key, out var index))
            {
                // A further row of the same measure adds an indicator.
                var existing = measures[index];
                if (existing.OwnerId != ownerId)
                {
                    Error($"Åtgärden '{title}' har redan en annan ansvarig (rad {rowOf[$"measures[{index}]"]})");
                }
                else if (indicator is null)
                {
                    Error($"Åtgärden '{title}' finns redan (rad {rowOf[$"measures[{index}]"]}); en extra rad ska ange en indikator");
                }
                else if (existing.Indicators.Any(i => i.Id == indicator.Id))
                {
                    Error($"Indikatorn '{indicator.Name}' finns redan för åtgärden '{title}'");
                }
                else
                {
                    measures[index] = existing with { Indicators = [.. existing.Indicators, indicator] };
                }

                continue;
            }

            measureByKey[key] = measures.Count;
            rowOf[$"measures[{measures.Count}]"] = row;
            measures.Add(new Measure(Slug.Unique(title, measureIds), focusArea.Id, title, ownerId, indicator is null ? [] : [indicator]));
        }

        if (measures.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImportError(RosterColumns.MeasuresSheet, null, "Inga åtgärder (en rad per åtgärd under rubrikraden)"));
        }

        return (areas, measures, owners, rowOf);
    }

    static decimal? Number(string text, string column, Action<string> error)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var invariant) && !text.Contains(',', StringComparison.Ordinal))
        {
            return invariant;
        }

        if (decimal.TryParse(text.Replace(" ", string.Empty, StringComparison.Ordinal), NumberStyles.Number, Swedish, out var swedish))
        {
            return swedish;
        }

        error($"{column} '{text}' är inget tal");
        return null;
    }

    static IndicatorDirection Direction(string text, Action<string> error)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t.Length == 0 || t.StartsWith("högre", StringComparison.Ordinal) || t.StartsWith("öka", StringComparison.Ordinal) || t == "higherisbetter")
        {
            return IndicatorDirection.HigherIsBetter;
        }

        if (t.StartsWith("lägre", StringComparison.Ordinal) || t.StartsWith("minska", StringComparison.Ordinal) || t == "lowerisbetter")
        {
            return IndicatorDirection.LowerIsBetter;
        }

        error($"Riktning '{text}' ska vara 'Högre är bättre' eller 'Lägre är bättre'");
        return IndicatorDirection.HigherIsBetter;
    }

    static Recipient? ParseRecipient(string text, string? role)
    {
        var open = text.IndexOf('<', StringComparison.Ordinal);
        var close = text.IndexOf('>', StringComparison.Ordinal);
        var (name, email) = open >= 0 && close > open
            ? (text[..open].Trim(), text[(open + 1)..close].Trim())
            : (text.Trim(), text.Trim());
        return AgreementValidator.IsEmail(email) ? new Recipient(name, email, role) : null;
    }
}
