using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Trygghetsuppfoljning.Workflows.Storage;

/// <summary>
/// Hands out table clients under the configured prefix, creating each table once per process. Only a creation that
/// succeeded is remembered: a failed or cancelled one is tried again by the next caller, and no caller's cancellation
/// reaches the shared creation (one aborted request must not break every later one).
/// </summary>
public sealed class TableStore
{
    readonly TableServiceClient service;
    readonly string prefix;
    readonly ConcurrentDictionary<string, Task<TableClient>> tables = new(StringComparer.Ordinal);

    public TableStore(IOptions<StorageOptions> options)
        : this(StorageClients.CreateTableService(options.Value), options.Value.TablePrefix)
    {
    }

    internal TableStore(TableServiceClient service, string prefix)
    {
        this.service = service;
        this.prefix = prefix;
    }

    public async Task<TableClient> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        var creation = tables.GetOrAdd(name, n => CreateAsync(prefix + n));
        try
        {
            return await creation.WaitAsync(cancellationToken);
        }
        catch (Exception) when (creation.IsFaulted || creation.IsCanceled)
        {
            // Forget the failure so the next call tries again; only the task that failed is removed.
            tables.TryRemove(new KeyValuePair<string, Task<TableClient>>(name, creation));
            throw;
        }
    }

    async Task<TableClient> CreateAsync(string fullName)
    {
        var client = service.GetTableClient(fullName);
        await client.CreateIfNotExistsAsync(CancellationToken.None);
        return client;
    }
}
