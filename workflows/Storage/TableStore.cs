using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Trygghetsuppfoljning.Workflows.Storage;

/// <summary>Hands out table clients under the configured prefix, creating each table once per process.</summary>
public sealed class TableStore
{
    readonly TableServiceClient service;
    readonly string prefix;
    readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> tables = new(StringComparer.Ordinal);

    public TableStore(IOptions<StorageOptions> options)
    {
        var o = options.Value;
        service = StorageClients.CreateTableService(o);
        prefix = o.TablePrefix;
    }

    public Task<TableClient> GetAsync(string name, CancellationToken cancellationToken = default) =>
        tables.GetOrAdd(name, n => new Lazy<Task<TableClient>>(() => CreateAsync(prefix + n, cancellationToken))).Value;

    async Task<TableClient> CreateAsync(string fullName, CancellationToken cancellationToken)
    {
        var client = service.GetTableClient(fullName);
        await client.CreateIfNotExistsAsync(cancellationToken);
        return client;
    }
}
