using System.Text;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Import;

/// <summary>
/// Loads an agreement from a JSON file, an Excel roster or the roster as CSV, all or nothing: everything is validated
/// first and any error stores nothing; saving writes measures and owners before the agreement header, so an agreement
/// becomes visible only once it is complete (<see cref="AgreementRepository.SaveAsync"/>).
/// </summary>
public sealed class AgreementImporter(AgreementRepository agreements)
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Parses by content, not by name (uploads often lose it): a zip is an xlsx, text starting with '{' is JSON, text
    /// with the roster's heading row is CSV. Anything else gets one message naming the accepted formats.
    /// </summary>
    public static ImportResult Parse(byte[] content)
    {
        if (content.Length == 0)
        {
            return ImportResult.Failed(new ImportError(null, null, ImportFormats.Empty));
        }

        if (content.Length >= 2 && content[0] == (byte)'P' && content[1] == (byte)'K')
        {
            return RosterReader.Read(new MemoryStream(content, writable: false));
        }

        // The OLE2 signature of .xls (and .doc) files.
        if (content.Length >= 4 && content[0] == 0xD0 && content[1] == 0xCF && content[2] == 0x11 && content[3] == 0xE0)
        {
            return ImportResult.Failed(new ImportError(null, null, ImportFormats.OldExcel));
        }

        var start = content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF ? 3 : 0;
        string text;
        try
        {
            text = StrictUtf8.GetString(content, start, content.Length - start);
        }
        catch (DecoderFallbackException)
        {
            return ImportResult.Failed(new ImportError(null, null, LooksLikeRoster(Encoding.Latin1.GetString(content)) ? ImportFormats.NotUtf8 : ImportFormats.Unknown));
        }

        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{'))
        {
            return JsonAgreementReader.Read(content);
        }

        return LooksLikeRoster(text)
            ? RosterReader.ReadCsv(text)
            : ImportResult.Failed(new ImportError(null, null, ImportFormats.Unknown));
    }

    static bool LooksLikeRoster(string text) =>
        text.Split('\n').Any(line => line.Split(';', '\t', ',').Any(cell => cell.Trim().Trim('"').Equals(RosterColumns.Measure, StringComparison.OrdinalIgnoreCase)));

    public async Task<ImportResult> ImportAsync(byte[] content, CancellationToken cancellationToken = default)
    {
        var result = Parse(content);
        if (result.IsValid)
        {
            await agreements.SaveAsync(result.Agreement!, cancellationToken);
        }

        return result;
    }
}
