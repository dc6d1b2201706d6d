using Trygghetsuppfoljning.Local.Engine;

namespace Trygghetsuppfoljning.IntegrationTests.Infrastructure;

/// <summary>One Azurite per test run, in memory, on free loopback ports. Tests isolate by task hub and table prefix.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    AzuriteProcess? azurite;

    public string ConnectionString => azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite is not running.");

    public async Task InitializeAsync() => azurite = await AzuriteProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteTests : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
