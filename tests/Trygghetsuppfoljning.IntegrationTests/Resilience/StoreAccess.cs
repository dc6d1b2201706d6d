using Microsoft.Extensions.Configuration;
using Trygghetsuppfoljning.Workflows;

namespace Trygghetsuppfoljning.IntegrationTests.Resilience;

/// <summary>The repositories over a test's tables, without a host: for seeding agreements and reading the truth afterwards.</summary>
public static class StoreAccess
{
    public static ServiceProvider For(string connectionString, string prefix, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:TablePrefix"] = prefix,
            ["Storage:ReportContainer"] = $"reports-{prefix}",
            ["Templates:Root"] = Local.RepositoryPaths.Templates,
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>())
        {
            settings[k] = v;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddTrygghetsuppfoljning(configuration);
        return services.BuildServiceProvider();
    }
}
