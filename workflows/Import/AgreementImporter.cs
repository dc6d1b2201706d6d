using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Import;

/// <summary>
/// Loads an agreement from a JSON file or an Excel roster, all or nothing: everything is validated first and any
/// error stores nothing; saving writes measures and owners before the agreement header, so an agreement becomes
/// visible only once it is complete (<see cref="AgreementRepository.SaveAsync"/>).
/// </summary>
public sealed class AgreementImporter(AgreementRepository agreements)
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Parses by content: a zip (xlsx) starts with "PK", anything else is read as JSON.</summary>
    public static ImportResult Parse(byte[] content) =>
        content.Length >= 2 && content[0] == (byte)'P' && content[1] == (byte)'K'
            ? RosterReader.Read(new MemoryStream(content, writable: false))
            : JsonAgreementReader.Read(content);

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
