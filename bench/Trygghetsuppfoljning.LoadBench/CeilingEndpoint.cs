using System.Net;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Trygghetsuppfoljning.LoadBench;

/// <summary>
/// The references for P3, bare Kestrel endpoints on loopback that read the same form body against the same Azurite and
/// answer 200: the ceiling (<c>/ceiling/{owner}</c>) does exactly one Table upsert (a new row per request, partition =
/// owner); the floor (<c>/transaction/{owner}</c>) does only the one transaction a submission cannot do without (the
/// revision row with the form's fields as JSON, the owner's head, the receipt owed; partition = the cycle), with no read
/// and no check at all.
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
        var revisions = new System.Collections.Concurrent.ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        app.MapPost("/transaction/{owner}", async (string owner, HttpRequest request) =>
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            var revision = revisions.AddOrUpdate(owner, 1, (_, r) => r + 1);
            var json = System.Text.Json.JsonSerializer.Serialize(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
            var now = DateTimeOffset.UtcNow;
            await table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.Add, new TableEntity(TransactionPartition, $"{owner}|{revision:D6}") { ["Answers"] = json, ["SavedUtc"] = now }),
                new(TableTransactionActionType.UpsertReplace, new TableEntity(TransactionPartition, $"{owner}|head") { ["LatestRevision"] = revision, ["SavedUtc"] = now }),
                new(TableTransactionActionType.UpsertReplace, new TableEntity(TransactionPartition, $"~receipt|{owner}") { ["Revision"] = revision, ["DueUtc"] = now }),
            ], request.HttpContext.RequestAborted);
            return Results.Text("ok");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new CeilingEndpoint(app, table, address);
    }

    const string TransactionPartition = "cycle";

    /// <summary>Rows stored so far by the ceiling (one per acknowledged request, if nothing was lost).</summary>
    public async Task<long> StoredAsync()
    {
        long count = 0;
        await foreach (var e in table.QueryAsync<TableEntity>(select: ["PartitionKey"], maxPerPage: 1000))
        {
            count += e.PartitionKey == TransactionPartition ? 0 : 1;
        }

        return count;
    }

    /// <summary>Revisions stored so far by the floor (one per acknowledged request, if nothing was lost).</summary>
    public async Task<long> TransactionsStoredAsync()
    {
        long count = 0;
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == TransactionPartition, select: ["RowKey"], maxPerPage: 1000))
        {
            count += e.RowKey.Contains('|', StringComparison.Ordinal) && !e.RowKey.EndsWith("|head", StringComparison.Ordinal) && !e.RowKey.StartsWith('~') ? 1 : 0;
        }

        return count;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
