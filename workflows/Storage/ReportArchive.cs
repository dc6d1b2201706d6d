using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;

namespace Trygghetsuppfoljning.Workflows.Storage;

/// <summary>Reports archived in Blob Storage under agreement/year with a stable name.</summary>
public sealed class ReportArchive(IOptions<StorageOptions> options)
{
    readonly BlobContainerClient container = StorageClients.CreateBlobService(options.Value).GetBlobContainerClient(options.Value.ReportContainer);

    public static string BlobName(string agreementId, int year, string language) =>
        $"{agreementId}/{year}/trygghetsuppfoljning-{agreementId}-{year}{(language == "sv" ? string.Empty : "-" + language)}.docx";

    public async Task<string> SaveAsync(string blobName, Stream content, CancellationToken cancellationToken = default)
    {
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await container.GetBlobClient(blobName).UploadAsync(
            content,
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document" } },
            cancellationToken);
        return blobName;
    }

    /// <summary>Deletes every archived report of the cycle (all languages); returns how many there were.</summary>
    public async Task<int> DeleteCycleAsync(string agreementId, int year, CancellationToken cancellationToken = default)
    {
        if (!await container.ExistsAsync(cancellationToken))
        {
            return 0;
        }

        var count = 0;
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{agreementId}/{year}/", cancellationToken))
        {
            await container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken);
            count++;
        }

        return count;
    }

    public async Task<byte[]> ReadAsync(string blobName, CancellationToken cancellationToken = default)
    {
        var result = await container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken);
        return result.Value.Content.ToArray();
    }
}
