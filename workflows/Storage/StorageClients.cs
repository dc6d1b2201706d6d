using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace Trygghetsuppfoljning.Workflows.Storage;

/// <summary>The one place the Table and Blob service clients are built from <see cref="StorageOptions"/>.</summary>
public static class StorageClients
{
    /// <summary>
    /// The newest Blob API version Azurite 3.37 accepts. The SDK's own default (2026-10-06) is refused by Azurite unless it
    /// runs with --skipApiVersionCheck; Azure accepts either. Move this forward together with the Azurite pin in package.json.
    /// </summary>
    public const BlobClientOptions.ServiceVersion BlobServiceVersion = BlobClientOptions.ServiceVersion.V2026_06_06;

    public static TableServiceClient CreateTableService(StorageOptions options, int? maxRetries = null)
    {
        var clientOptions = new TableClientOptions();
        Configure(clientOptions, maxRetries);
        return options.UsesIdentity
            ? new TableServiceClient(options.TableServiceUri, Credential(options), clientOptions)
            : new TableServiceClient(options.ConnectionString, clientOptions);
    }

    public static BlobServiceClient CreateBlobService(StorageOptions options, int? maxRetries = null)
    {
        var clientOptions = new BlobClientOptions(BlobServiceVersion);
        Configure(clientOptions, maxRetries);
        return options.UsesIdentity
            ? new BlobServiceClient(options.BlobServiceUri, Credential(options), clientOptions)
            : new BlobServiceClient(options.ConnectionString, clientOptions);
    }

    static void Configure(ClientOptions clientOptions, int? maxRetries)
    {
        if (maxRetries is { } retries)
        {
            // The start-up check wants an answer in seconds, not the SDK's default minute of retries.
            clientOptions.Retry.MaxRetries = retries;
            clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        }
    }

    static DefaultAzureCredential Credential(StorageOptions options) => new(new DefaultAzureCredentialOptions
    {
        ManagedIdentityClientId = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) ? null : options.ManagedIdentityClientId,
    });
}
