using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Trygghetsuppfoljning.Workflows.Forms;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Desk;

/// <summary>
/// Holds an uploaded import file between its preview and the coordinator's confirm, so what is stored is exactly what
/// was previewed: a blob under a random id, tagged with a hash of the person it belongs to and of its content, and
/// thrown away after the confirm or when an hour old.
/// </summary>
public sealed class ImportDraftStore(IOptions<StorageOptions> options, TimeProvider time)
{
    static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    const string Prefix = "import-drafts/";

    readonly BlobContainerClient container = new(options.Value.ConnectionString, options.Value.ReportContainer);

    public async Task<string> SaveAsync(DeskUser user, byte[] content, CancellationToken cancellationToken = default)
    {
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await DeleteExpiredAsync(cancellationToken);
        var id = LinkToken.NewToken();
        var blob = container.GetBlobClient(Prefix + LinkToken.HashOf(id));
        await blob.UploadAsync(new BinaryData(content), cancellationToken);
        await blob.SetMetadataAsync(
            new Dictionary<string, string> { ["owner"] = HashOf(user.Binding), ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(content)) },
            cancellationToken: cancellationToken);
        return id;
    }

    /// <summary>The draft's content, or null when it is unknown, expired, someone else's or altered since the preview.</summary>
    public async Task<byte[]?> FindAsync(DeskUser user, string? id, CancellationToken cancellationToken = default)
    {
        if (LinkToken.HashOf(id) is not { } hash)
        {
            return null;
        }

        var blob = container.GetBlobClient(Prefix + hash);
        try
        {
            var download = await blob.DownloadContentAsync(cancellationToken);
            var details = download.Value.Details;
            var content = download.Value.Content.ToArray();
            return details.Metadata.TryGetValue("owner", out var owner) && owner == HashOf(user.Binding)
                && details.Metadata.TryGetValue("sha256", out var sha) && sha == Convert.ToHexStringLower(SHA256.HashData(content))
                && details.LastModified + Lifetime > time.GetUtcNow()
                ? content
                : null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        if (LinkToken.HashOf(id) is { } hash)
        {
            await container.GetBlobClient(Prefix + hash).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
    }

    async Task DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        await foreach (var item in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, Prefix, cancellationToken))
        {
            if (item.Properties.LastModified + Lifetime < time.GetUtcNow())
            {
                await container.GetBlobClient(item.Name).DeleteIfExistsAsync(cancellationToken: cancellationToken);
            }
        }
    }

    static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
