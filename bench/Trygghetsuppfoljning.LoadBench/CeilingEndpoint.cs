using System.Net;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Trygghetsuppfoljning.LoadBench;

/// <summary>
/// The ceiling for P3: a bare Kestrel endpoint on loopback that reads the same form body and does exactly one Table
/// upsert (a new row per request, partition = owner) against the same Azurite, then answers 200.
/// </summary>
public sealed class CeilingEndpoint : IAsyncDisposable
{
    readonly WebApplication app;
    readonly TableClient table;

    CeilingEndpoint(WebApplication app, TableClient table, string baseUrl)
    {
        this.app = app;
        this.table = table;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<CeilingEndpoint> StartAsync(string connectionString, string tableName)
    {
        var table = new TableServiceClient(connectionString).GetTableClient(tableName);
        await table.CreateIfNotExistsAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/ceiling/{owner}", async (string owner, HttpRequest request) =>
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            await table.UpsertEntityAsync(
                new TableEntity(owner, Guid.NewGuid().ToString("N")) { ["Fields"] = form.Count, ["Bytes"] = request.ContentLength ?? 0 },
                TableUpdateMode.Replace, request.HttpContext.RequestAborted);
            return Results.Text("ok");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new CeilingEndpoint(app, table, address);
    }

    /// <summary>Rows stored so far (one per acknowledged request, if nothing was lost).</summary>
    public async Task<long> StoredAsync()
    {
        long count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(select: ["RowKey"], maxPerPage: 1000))
        {
            count++;
        }

        return count;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
