using System.ComponentModel.DataAnnotations;

namespace Trygghetsuppfoljning.Workflows.Storage;

/// <summary>
/// Bound from the <c>Storage</c> configuration section. Either a connection string (Azurite, or an account key), or the
/// two service URIs, which sign in with <c>DefaultAzureCredential</c> (a managed identity in Azure: no key stored).
/// </summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    /// <summary>Table and Blob storage account. Azurite by default. Ignored when both service URIs are set.</summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>e.g. <c>https://{account}.table.core.windows.net</c>; with <see cref="BlobServiceUri"/>, signs in instead of using a key.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>e.g. <c>https://{account}.blob.core.windows.net</c>.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>Client id of the user-assigned managed identity to sign in with (empty: system-assigned or developer sign-in).</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Prefix for every table name; tests give each run its own so they never see each other's rows.</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,20}$|^$")]
    public string TablePrefix { get; set; } = string.Empty;

    /// <summary>Blob container that archives the reports.</summary>
    [RegularExpression("^[a-z0-9](?:[a-z0-9-]{1,61})[a-z0-9]$")]
    public string ReportContainer { get; set; } = "reports";

    /// <summary>True when the clients sign in with an identity rather than a connection string.</summary>
    public bool UsesIdentity => TableServiceUri is { IsAbsoluteUri: true } && BlobServiceUri is { IsAbsoluteUri: true };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // An empty app setting binds to an empty relative URI: treat it as unset.
        if ((TableServiceUri is { IsAbsoluteUri: true }) != (BlobServiceUri is { IsAbsoluteUri: true }))
        {
            yield return new ValidationResult("Set both Storage:TableServiceUri and Storage:BlobServiceUri, or neither (then Storage:ConnectionString is used).");
        }
        else if (!UsesIdentity && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult("Set Storage:ConnectionString, or Storage:TableServiceUri and Storage:BlobServiceUri to sign in with a managed identity.");
        }
    }
}
