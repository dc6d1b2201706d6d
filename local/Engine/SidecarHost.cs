using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;

namespace Trygghetsuppfoljning.Local.Engine;

/// <summary>
/// The durable engine without `func`: the in-process gRPC sidecar (TaskHubGrpcServer) over the Azure Storage
/// backend, on a loopback HTTP/2 port. Its own host, so the application host (worker) can stop first (design.md §4).
/// </summary>
public sealed class SidecarHost : IAsyncDisposable
{
    // The backend stops in the background when the web host stops (the gRPC server's stopping callback); it drains
    // its partitions (up to 60 s each) and releases its leases in storage. Waited for here, so a caller that removes
    // the storage afterwards (a test's own Azurite) never leaves it retrying against nothing until it gives up with
    // an unhandled exception ten minutes later.
    static readonly TimeSpan BackendStopWait = TimeSpan.FromSeconds(90);

    readonly WebApplication app;
    readonly StopSafeOrchestrationService service;

    SidecarHost(WebApplication app, StopSafeOrchestrationService service, string address)
    {
        this.app = app;
        this.service = service;
        Address = address;
    }

    public string Address { get; }

    public static async Task<SidecarHost> StartAsync(string storageConnectionString, LocalEngineOptions options, ILoggerFactory? loggerFactory, CancellationToken cancellationToken)
    {
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = options.TaskHubName,
            StorageAccountClientProvider = new StorageAccountClientProvider(storageConnectionString),
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            LeaseInterval = options.LeaseInterval,
            LeaseRenewInterval = options.LeaseInterval / 3,
            LeaseAcquireInterval = options.LeaseInterval / 3,
            PartitionCount = options.PartitionCount,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            ControlQueueVisibilityTimeout = options.QueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = options.QueueVisibilityTimeout,

            // The app lease (60 s) guards blue/green deployments of several apps on one hub; locally one process
            // serves the hub, and after a crash the restarted one would wait a whole minute for it.
            UseAppLease = false,
        };
        if (loggerFactory is not null)
        {
            settings.LoggerFactory = loggerFactory;
        }

        var backend = new AzureStorageOrchestrationService(settings);
        await backend.CreateIfNotExistsAsync();
        var service = new StopSafeOrchestrationService(backend);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (loggerFactory is not null)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<IOrchestrationService>(service);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(backend);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SidecarHost(app, service, address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await app.StopAsync(timeout.Token);
        }

        try
        {
            // The same stop the web host began: both awaits end when the partitions are released.
            await service.StopAsync(isForced: true).WaitAsync(BackendStopWait);
        }
        catch (Exception)
        {
            // Best effort: storage gone, or the drain stuck.
        }

        await app.DisposeAsync();
    }
}
