using System.Reflection;
using Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Trygghetsuppfoljning.Workflows.Storage;

/// <summary>
/// Run by both hosts before they serve anything: every table and the report container must be reachable (and are
/// created if missing). A store that is not answers with <see cref="StorageUnavailableException"/>, whose message names
/// the store and the fix, instead of a cycle that later sits "Closed" without a report and a bare 500.
/// </summary>
public static class StorageCheck
{
    public static Task VerifyAsync(IServiceProvider services, CancellationToken cancellationToken = default) =>
        VerifyAsync(services.GetRequiredService<IOptions<StorageOptions>>().Value, cancellationToken);

    public static async Task VerifyAsync(StorageOptions options, CancellationToken cancellationToken = default)
    {
        var tables = StorageClients.CreateTableService(options, maxRetries: 1);
        foreach (var name in TableNamesInUse())
        {
            var fullName = options.TablePrefix + name;
            try
            {
                await tables.GetTableClient(fullName).CreateIfNotExistsAsync(cancellationToken);
            }
            catch (Exception e) when (e is RequestFailedException or AggregateException or HttpRequestException or Azure.Identity.AuthenticationFailedException)
            {
                throw new StorageUnavailableException(
                    $"Table storage is not usable: table '{fullName}' at {tables.Uri} failed: {Reason(e)} " +
                    $"Fix: {Fix(options)}",
                    e);
            }
        }

        var container = StorageClients.CreateBlobService(options, maxRetries: 1).GetBlobContainerClient(options.ReportContainer);
        try
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.ErrorCode is "InvalidHeaderValue")
        {
            throw new StorageUnavailableException(
                $"Blob storage refused API version {StorageClients.BlobServiceVersion} for container '{options.ReportContainer}' at {container.Uri}. " +
                "Fix: update Azurite (npm ci installs the version this repository pins) or start it with --skipApiVersionCheck.",
                e);
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException or HttpRequestException or Azure.Identity.AuthenticationFailedException)
        {
            throw new StorageUnavailableException(
                $"Blob storage is not usable: report container '{options.ReportContainer}' at {container.Uri} failed: {Reason(e)} Fix: {Fix(options)}",
                e);
        }
    }

    /// <summary>Every table the repositories use (the constants of <see cref="TableNames"/>), so a new table is checked too.</summary>
    internal static IEnumerable<string> TableNamesInUse() =>
        typeof(TableNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal);

    static string Reason(Exception e) => (e is AggregateException a ? a.InnerExceptions.FirstOrDefault() ?? e : e).Message.Split('\n')[0].Trim();

    static string Fix(StorageOptions options) => options.UsesIdentity
        ? "check Storage:TableServiceUri / Storage:BlobServiceUri and that the app's managed identity (Storage:ManagedIdentityClientId) " +
          "holds the Storage Table Data Contributor and Storage Blob Data Contributor roles on the account."
        : options.ConnectionString.Contains("UseDevelopmentStorage", StringComparison.OrdinalIgnoreCase) || options.ConnectionString.Contains("127.0.0.1", StringComparison.Ordinal)
            ? "start Azurite (npx azurite --location out/azurite) or point Storage:ConnectionString at a reachable account."
            : "check Storage:ConnectionString (account name, key, endpoints) and that the account is reachable from this machine.";
}
