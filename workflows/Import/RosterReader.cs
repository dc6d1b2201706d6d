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

    // A small .xlsx can unpack to gigabytes of XML (a zip bomb): each part is capped well above any real roster
    // (a 10,000-row roster's sheet is ~5 M characters), and so is the number of rows read.
    internal const long MaxCharactersInPart = 50_000_000;
    internal const int MaxRows = 50_000;

    public static ImportResult Read(Stream xlsx) => Read(xlsx, MaxCharactersInPart);

    internal static ImportResult Read(Stream xlsx, long maxCharactersInPart)
    {
        IReadOnlyList<(string Name, SpreadsheetTable Table)> sheets;
        try
        {
            using var document = SpreadsheetDocument.Open(xlsx, false, new OpenSettings { MaxCharactersInPart = maxCharactersInPart });
            sheets = SpreadsheetTable.ReadAll(document);
        }
        catch (System.Xml.XmlException)
        {
            // What OpenXml throws when a part passes MaxCharactersInPart (and for broken XML, equally unreadable).
            return ImportResult.Failed(new ImportError(null, null, $"Filen går inte att läsa som roster: en del av den är trasig eller packas upp till mer än {maxCharactersInPart.ToString("N0", Swedish)} tecken."));
        }
        catch (Exception e) when (e is InvalidDataException or OpenXmlPackageException or FileFormatException or IOException or InvalidOperationException)
        {
            // The parser's own words mean nothing to a coordinator; say what is accepted instead.
            return ImportResult.Failed(new ImportError(null, null, ImportFormats.NotReadableXlsx));
        }

        var measuresSheet = sheets.FirstOrDefault(s => s.Name.Equals(RosterColumns.MeasuresSheet, StringComparison.OrdinalIgnoreCase)).Table ?? (sheets.Count > 0 ? sheets[0].Table : null);
        var headerSheet = sheets.FirstOrDefault(s => s.Name.Equals(RosterColumns.AgreementSheet, StringComparison.OrdinalIgnoreCase)).Table;
        if (measuresSheet is null)
        {
            return ImportResult.Failed(new ImportError(null, null, $"Bladet '{RosterColumns.MeasuresSheet}' saknas"));
        }

        return Read(measuresSheet, headerSheet, RosterColumns.AgreementSheet);
    }

    /// <summary>
    /// The roster as one CSV file: the agreement's key/value rows (Id;…, Titel;…) above the heading row, then one row
    /// per measure as on the <c>Åtgärder</c> sheet. Errors name the file's line.
    /// </summary>
    public static ImportResult ReadCsv(string text)
    {
        var table = SpreadsheetTable.FromRows(CsvRows.Parse(text));
        var headingRow = HeadingRow(table);
        var header = headingRow == 0 ? null : table.Where(r => r < headingRow);
        return Read(table, header is null || !header.RowNumbers.Any() ? null : header, headerSheetName: null);
    }

    /// <param name="headerSheetName">Names the header's rows in errors; null when they are rows of the same file (CSV).</param>
    static ImportResult Read(SpreadsheetTable measuresSheet, SpreadsheetTable? headerSheet, string? headerSheetName)
    {
        var errors = new List<ImportError>();
        var notices = new List<ImportError>();
        var header = ReadHeader(headerSheet, headerSheetName, errors);
        var (areas, measures, owners, rowOf, rowsFailed) = ReadMeasures(measuresSheet, errors, notices);
        if (header is null)
        {
            return new ImportResult(null, Sorted(errors), notices);
        }

        var agreement = header with { FocusAreas = areas, Measures = measures, Owners = owners };
        foreach (var (path, message) in AgreementValidator.Validate(agreement))
        {
            // The rows already checked their indicators, each on its own row; and rows that failed are not in the
            // agreement, so "no measures" would only repeat their errors.
            if (path.Contains(".indicators[", StringComparison.Ordinal) || (rowsFailed && path is "measures" or "focusAreas"))
            {
                continue;
            }

            // Header problems belong to the header sheet; measure and owner problems to the row that introduced them.
            var found = rowOf.TryGetValue(path.Split('.')[0], out var row);
            errors.Add(!found
                ? new ImportError(headerSheetName, null, message)
                : new ImportError(null, row, message));
        }

        var distinct = Sorted(errors);
        return new ImportResult(distinct.Count == 0 ? agreement : null, distinct, notices);
    }

    static List<ImportError> Sorted(List<ImportError> errors) =>
        errors.DistinctBy(e => e.ToString()).OrderBy(e => e.Sheet is null ? 1 : 0).ThenBy(e => e.Line ?? 0).ToList();

    static int HeadingRow(SpreadsheetTable sheet) =>
        sheet.RowNumbers.FirstOrDefault(r => sheet.Row(r).Values.Any(v => v.Trim().Equals(RosterColumns.Measure, StringComparison.OrdinalIgnoreCase)));

    static Agreement? ReadHeader(SpreadsheetTable? sheet, string? sheetName, List<ImportError> errors)
    {
        if (sheet is null)
        {
            errors.Add(new ImportError(null, null, sheetName is null
                ? $"Överenskommelsens uppgifter saknas: skriv dem överst i filen, en per rad, före rubrikraden ({RosterColumns.KeyId};…, {RosterColumns.KeyTitle};…, {RosterColumns.KeyMunicipality};…, {RosterColumns.KeyPoliceArea};…, {RosterColumns.KeySignedOn};…, {RosterColumns.KeyCoordinator};…, {RosterColumns.KeySteeringGroup};…)"
                : $"Bladet '{RosterColumns.AgreementSheet}' saknas (överenskommelsens id, titel, kommun, lokalpolisområde, samordnare, styrgrupp)"));
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
                        errors.Add(new ImportError(sheetName, row, $"{key}: '{part}' ska skrivas som Namn <e-post>"));
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
                errors.Add(new ImportError(sheetName, signedCell.Row, $"Undertecknad '{signedCell.Value}' är inget datum (ÅÅÅÅ-MM-DD)"));
            }
        }
        else
        {
            errors.Add(new ImportError(sheetName, null, "Undertecknad saknas"));
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

    static (List<FocusArea>, List<Measure>, List<Owner>, Dictionary<string, int>, bool RowsFailed) ReadMeasures(
        SpreadsheetTable sheet, List<ImportError> errors, List<ImportError> notices)
    {
        var areas = new List<FocusArea>();
        var measures = new List<Measure>();
        var owners = new List<Owner>();
        var rowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var headingRow = HeadingRow(sheet);
        if (headingRow == 0)
        {
            errors.Add(new ImportError(RosterColumns.MeasuresSheet, null, $"Rubrikraden saknas (kolumnerna {string.Join(", ", RosterColumns.All)})"));
            return (areas, measures, owners, rowOf, true);
        }

        var columns = sheet.Row(headingRow).Where(c => c.Value.Trim().Length > 0).GroupBy(c => c.Value.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Key, StringComparer.OrdinalIgnoreCase);
        var missingColumns = RosterColumns.Required.Where(c => !columns.ContainsKey(c)).ToList();
        foreach (var required in missingColumns)
        {
            errors.Add(new ImportError(null, headingRow, $"Kolumnen '{required}' saknas"));
        }

        // With a column missing the rows are still checked, in the columns that are there (so every error shows in
        // one pass), but nothing is built from them and no row is blamed for the missing column.
        var complete = missingColumns.Count == 0;
        var rowsFailed = !complete;
        var areaIds = new HashSet<string>(StringComparer.Ordinal);
        var measureIds = new HashSet<string>(StringComparer.Ordinal);
        var clashedSlugs = new HashSet<string>(StringComparer.Ordinal);
        var areaByTitle = new Dictionary<string, FocusArea>(StringComparer.OrdinalIgnoreCase);
        var ownerByEmail = new Dictionary<string, (Owner Owner, int Row)>(StringComparer.OrdinalIgnoreCase);
        var measureByKey = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in sheet.RowNumbers.Where(r => r > headingRow))
        {
            string Get(string column) => columns.TryGetValue(column, out var letters) ? sheet.Cell(row, letters) : string.Empty;
            bool Has(string column) => columns.ContainsKey(column);
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
            var code = Get(RosterColumns.Code);
            if (Has(RosterColumns.FocusArea) && area.Length == 0)
            {
                Error("Fokusområde saknas");
            }

            if (title.Length == 0)
            {
                Error("Åtgärd saknas");
            }

            if (Has(RosterColumns.Owner) && name.Length == 0)
            {
                Error("Ansvarig saknas");
            }

            if (Has(RosterColumns.Email) && email.Length == 0)
            {
                Error("E-post saknas");
            }
            else if (email.Length > 0 && !AgreementValidator.IsEmail(email))
            {
                Error($"E-post '{email}' är inte en giltig adress");
            }

            Organisation organisation = Organisation.Kommun;
            if (Has(RosterColumns.Organisation))
            {
                if (organisationText.Length == 0)
                {
                    Error("Organisation saknas (Kommun eller Polis)");
                }
                else if (organisationText.StartsWith("polis", StringComparison.OrdinalIgnoreCase))
                {
                    organisation = Organisation.Polis;
                }
                else if (!organisationText.StartsWith("kommun", StringComparison.OrdinalIgnoreCase))
                {
                    Error($"Organisation '{organisationText}' ska vara Kommun eller Polis");
                }
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

                var baseline = Number(Get(RosterColumns.Baseline), RosterColumns.Baseline, Error, out var baselineOk);
                var target = Number(Get(RosterColumns.Target), RosterColumns.Target, Error, out var targetOk);
                var directionText = Get(RosterColumns.Direction);
                var given = Direction(directionText, Error);
                IndicatorDirection direction;
                if (directionText.Trim().Length == 0)
                {
                    direction = IndicatorDirectionCheck.Infer(baseline, target) ?? IndicatorDirection.HigherIsBetter;
                    notices.Add(new ImportError(null, row, IndicatorDirectionCheck.InferredNotice(indicatorName, baseline, target)));
                }
                else
                {
                    direction = given ?? IndicatorDirection.HigherIsBetter;

                    // Only values that were read can contradict the direction: an unreadable number is its own error.
                    if (given is { } g && baselineOk && targetOk && IndicatorDirectionCheck.Problem(indicatorName, g, baseline, target) is { } problem)
                    {
                        Error(problem);
                    }
                }

                indicator = new Indicator(Slug.Of(indicatorName), indicatorName, unit, baseline, target, direction, RosterKind.Parse(Get(RosterColumns.Kind), Error));
            }
            else if (new[] { RosterColumns.Unit, RosterColumns.Baseline, RosterColumns.Target }.Any(c => Get(c).Length > 0))
            {
                Error("Indikator saknas (enhet eller värden är ifyllda)");
            }

            if (errors.Count > rowErrors || !complete)
            {
                rowsFailed |= errors.Count > rowErrors;
                continue;
            }

            // The same person on several rows must be written the same way.
            if (ownerByEmail.TryGetValue(email, out var known))
            {
                if (!known.Owner.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    Error($"E-post {email} står för '{known.Owner.Name}' på rad {known.Row}, här för '{name}'");
                    rowsFailed = true;
                    continue;
                }
            }
            else
            {
                // Ids come from the address, never from row order. Two addresses that differ only in punctuation
                // (anna.b@ / anna-b@) make the same slug: then every owner with that slug gets the hashed form.
                var id = OwnerIds.FromEmail(email);
                var earlierIndex = owners.FindIndex(o => o.Id == id);
                if (earlierIndex >= 0)
                {
                    clashedSlugs.Add(id);
                    var earlier = owners[earlierIndex];
                    var renamed = earlier with { Id = OwnerIds.FromEmailHashed(earlier.Email) };
                    owners[earlierIndex] = renamed;
                    ownerByEmail[earlier.Email] = (renamed, ownerByEmail[earlier.Email].Row);
                    for (int i = 0; i < measures.Count; i++)
                    {
                        measures[i] = measures[i].OwnerId == id ? measures[i] with { OwnerId = renamed.Id } : measures[i];
                    }
                }

                if (clashedSlugs.Contains(id))
                {
                    id = OwnerIds.FromEmailHashed(email);
                }

                var owner = new Owner(id, name, email, organisation);
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
                var failed = errors.Count;
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
                    measures[index] = existing with { Indicators = [.. existing.Indicators, indicator], Code = existing.Code ?? NullIfEmpty(code) };
                }

                rowsFailed |= errors.Count > failed;
                continue;
            }

            measureByKey[key] = measures.Count;
            rowOf[$"measures[{measures.Count}]"] = row;
            measures.Add(new Measure(Slug.Unique(title, measureIds), focusArea.Id, title, ownerId, indicator is null ? [] : [indicator], Code: NullIfEmpty(code)));
        }

        if (measures.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImportError(RosterColumns.MeasuresSheet, null, "Inga åtgärder (en rad per åtgärd under rubrikraden)"));
        }

        return (areas, measures, owners, rowOf, rowsFailed);
    }

    static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    static decimal? Number(string text, string column, Action<string> error, out bool ok)
    {
        ok = true;
        if (text.Length == 0)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var invariant) && !text.Contains(',', StringComparison.Ordinal))
        {
            return invariant;
        }

        // Swedish spreadsheets and CSV write 12,5 and may group thousands with a (non-breaking) space.
        var compact = text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00A0", string.Empty, StringComparison.Ordinal).Replace("\u202F", string.Empty, StringComparison.Ordinal);
        if (decimal.TryParse(compact, NumberStyles.Number, Swedish, out var swedish))
        {
            return swedish;
        }

        ok = false;
        error($"{column} '{text}' är inget tal");
        return null;
    }

    /// <summary>The direction written, or null when blank (the caller infers it) or unreadable (an error is added).</summary>
    static IndicatorDirection? Direction(string text, Action<string> error)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t.Length == 0)
        {
            return null;
        }

        if (t.StartsWith("högre", StringComparison.Ordinal) || t.StartsWith("öka", StringComparison.Ordinal) || t == "higherisbetter")
        {
            return IndicatorDirection.HigherIsBetter;
        }

        if (t.StartsWith("lägre", StringComparison.Ordinal) || t.StartsWith("minska", StringComparison.Ordinal) || t == "lowerisbetter")
        {
            return IndicatorDirection.LowerIsBetter;
        }

        error($"Riktning '{text}' ska vara 'Högre är bättre' eller 'Lägre är bättre'");
        return null;
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
