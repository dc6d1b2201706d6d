using Microsoft.Extensions.Configuration;
using System.ComponentModel.DataAnnotations;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Tests.Storage;

public sealed class StorageOptionsTests
{
    [Fact]
    public void Service_uris_sign_in_with_an_identity_and_a_connection_string_uses_its_key()
    {
        var identity = new StorageOptions
        {
            ConnectionString = string.Empty,
            TableServiceUri = new Uri("https://konto.table.core.windows.net"),
            BlobServiceUri = new Uri("https://konto.blob.core.windows.net"),
            ManagedIdentityClientId = "00000000-0000-0000-0000-000000000001",
        };
        Assert.True(identity.UsesIdentity);
        Assert.Empty(Validate(identity));
        Assert.Equal("konto", StorageClients.CreateTableService(identity).AccountName);
        Assert.Equal(new Uri("https://konto.blob.core.windows.net"), StorageClients.CreateBlobService(identity).Uri);

        var key = new StorageOptions();
        Assert.False(key.UsesIdentity);
        Assert.Equal("devstoreaccount1", StorageClients.CreateBlobService(key).AccountName);
    }

    [Fact]
    public void Empty_uri_settings_leave_the_connection_string_in_charge()
    {
        var options = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Storage:TableServiceUri"] = "",
            ["Storage:BlobServiceUri"] = "",
        }).Build().GetSection(StorageOptions.SectionName).Get<StorageOptions>()!;
        Assert.False(options.UsesIdentity);
        Assert.Empty(Validate(options));
    }

    [Fact]
    public void One_uri_without_the_other_or_no_account_at_all_is_refused_at_start()
    {
        Assert.NotEmpty(Validate(new StorageOptions { TableServiceUri = new Uri("https://konto.table.core.windows.net") }));
        Assert.NotEmpty(Validate(new StorageOptions { ConnectionString = " " }));
    }

    [Fact]
    public void The_start_up_check_covers_the_tables_named_in_TableNames()
    {
        Assert.Contains(TableNames.Audit, StorageCheck.TableNamesInUse());
        Assert.Contains(TableNames.Tokens, StorageCheck.TableNamesInUse());
    }

    static List<ValidationResult> Validate(StorageOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
