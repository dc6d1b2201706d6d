using Trygghetsuppfoljning.Local;
using Trygghetsuppfoljning.Local.Engine;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.IntegrationTests.Infrastructure;

/// <summary>The local host as tests use it: own task hub and table prefix on the shared Azurite, mail to a real SMTP capture.</summary>
public static class TestEngine
{
    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    public static Dictionary<string, string?> Settings(AzuriteFixture azurite, SmtpCapture smtp, string prefix) =>
        Settings(azurite.ConnectionString, smtp, prefix);

    /// <summary>For tests that run their own Azurite (e.g. one they kill and restart).</summary>
    public static Dictionary<string, string?> Settings(string storageConnectionString, SmtpCapture smtp, string prefix) => new()
    {
        ["Storage:ConnectionString"] = storageConnectionString,
        ["Storage:TablePrefix"] = prefix,
        ["Storage:ReportContainer"] = $"reports-{prefix}",
        ["Local:TaskHubName"] = prefix,
        ["Local:HttpPort"] = "0",
        ["Mail:SmtpHost"] = "127.0.0.1",
        ["Mail:SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Templates:Root"] = RepositoryPaths.Templates,
        ["Coordinator:ApiKey"] = "test-coordinator-key",

        // Tests look for one receipt per submission at once; the product's default groups a burst over 2 minutes.
        ["Schedule:ReceiptDebounce"] = "00:00:00",
        ["Schedule:ReceiptSweepInterval"] = "00:00:00.200",
    };

    public static Task<LocalEngine> StartAsync(AzuriteFixture azurite, SmtpCapture smtp, string prefix, IDictionary<string, string?>? extra = null)
    {
        var settings = Settings(azurite, smtp, prefix);
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>())
        {
            settings[k] = v;
        }

        return LocalEngine.StartAsync(settings);
    }

    public static async Task<Agreement> LoadDemoAgreementAsync(LocalEngine engine)
    {
        var agreement = DomainJson.Deserialize<Agreement>(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Templates, "demo", "hoganas.json")));
        await engine.Services.GetRequiredService<AgreementRepository>().SaveAsync(agreement);
        return agreement;
    }
}
