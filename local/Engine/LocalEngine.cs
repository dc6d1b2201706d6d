using Grpc.Net.Client;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Options;
using Trygghetsuppfoljning.Workflows;
using Trygghetsuppfoljning.Workflows.Orchestration;
using Trygghetsuppfoljning.Workflows.Storage;
using Trygghetsuppfoljning.Workflows.Telemetry;

namespace Trygghetsuppfoljning.Local.Engine;

/// <summary>
/// The local host: a sidecar host (durable engine) and an application host (durable worker and client, form and
/// coordinator endpoints on loopback) running the very same orchestrators and activities as the Functions app.
/// </summary>
public sealed class LocalEngine : IAsyncDisposable
{
    readonly SidecarHost sidecar;
    readonly GrpcChannel channel;
    readonly WebApplication app;

    LocalEngine(SidecarHost sidecar, GrpcChannel channel, WebApplication app, string baseUrl)
    {
        this.sidecar = sidecar;
        this.channel = channel;
        this.app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public IServiceProvider Services => app.Services;

    public DurableTaskClient Client => app.Services.GetRequiredService<DurableTaskClient>();

    /// <param name="settings">Configuration on top of appsettings.json and the environment (tests and the demo pass theirs).</param>
    public static async Task<LocalEngine> StartAsync(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configureServices = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Configuration.AddInMemoryCollection(settings);
        var localOptions = builder.Configuration.GetSection(LocalEngineOptions.SectionName).Get<LocalEngineOptions>() ?? new LocalEngineOptions();
        var port = localOptions.HttpPort == 0 ? FreePort.Find() : localOptions.HttpPort;
        var baseUrl = $"http://127.0.0.1:{port}";
        if (string.IsNullOrEmpty(builder.Configuration["Forms:PublicBaseUrl"]))
        {
            builder.Configuration["Forms:PublicBaseUrl"] = baseUrl;
        }

        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();

        // Before the sidecar, which would otherwise retry an unreachable store for minutes without saying so.
        await StorageCheck.VerifyAsync(storage, cancellationToken);
        var sidecar = await SidecarHost.StartAsync(storage.ConnectionString, localOptions, null, cancellationToken);
        var channel = GrpcChannel.ForAddress(sidecar.Address);

        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(System.Net.IPAddress.Loopback, port);
            k.AddServerHeader = false;
        });
        builder.Services.AddTrygghetsuppfoljning(builder.Configuration);
        builder.Services.AddTrygghetsuppfoljningTelemetry(builder.Configuration);
        builder.Services.AddDurableTaskWorker(b =>
        {
            b.AddTasks(r => r.AddTrygghetsuppfoljningTasks());
            b.UseGrpc(channel);
        });
        builder.Services.AddDurableTaskClient(b => b.UseGrpc(channel));
        builder.Services.AddHostedService<BouncePollingService>();
        builder.Services.AddHostedService<ReceiptSweepService>();
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapFormEndpoints();
        app.MapCoordinatorEndpoints();
        app.MapDeskEndpoints();
        app.MapFollowUpEndpoints();
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await channel.ShutdownAsync();
            await sidecar.DisposeAsync();
            throw;
        }

        return new LocalEngine(sidecar, channel, app, baseUrl);
    }

    /// <summary>Application first (its worker holds a stream to the sidecar), then the channel, then the sidecar.</summary>
    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15)))
        {
            await app.StopAsync(timeout.Token);
        }

        await app.DisposeAsync();
        await channel.ShutdownAsync();
        channel.Dispose();
        await sidecar.DisposeAsync();
    }
}
