using System.ComponentModel.DataAnnotations;

namespace Trygghetsuppfoljning.Workflows.Storage;

/// <summary>Bound from the <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Table and Blob storage account. Azurite by default.</summary>
    [Required]
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>Prefix for every table name; tests give each run its own so they never see each other's rows.</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,20}$|^$")]
    public string TablePrefix { get; set; } = string.Empty;

    /// <summary>Blob container that archives the reports.</summary>
    [RegularExpression("^[a-z0-9](?:[a-z0-9-]{1,61})[a-z0-9]$")]
    public string ReportContainer { get; set; } = "reports";
}
