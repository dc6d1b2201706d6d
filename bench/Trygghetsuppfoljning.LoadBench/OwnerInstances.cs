using Azure.Data.Tables;

namespace Trygghetsuppfoljning.LoadBench;

/// <summary>
/// The owners' orchestration instances as the Azure Storage backend records them (<c>{TaskHub}Instances</c>): how many
/// were created, over what span after the cycle started, and in which state they are. Tells apart "the owners were
/// started slowly" from "the owners were started, then their work waited in the queues".
/// </summary>
public sealed record OwnerInstances(int Created, double? FirstCreatedSeconds, double? LastCreatedSeconds, IReadOnlyDictionary<string, int> ByStatus)
{
    public static async Task<OwnerInstances?> ReadAsync(string connectionString, string taskHub, string cycleInstanceId, TimeSpan cap)
    {
        var table = new TableServiceClient(connectionString).GetTableClient(taskHub + "Instances");
        using var timeout = new CancellationTokenSource(cap);
        DateTimeOffset? cycleCreated = null;
        var created = new List<DateTimeOffset>();
        var byStatus = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            await foreach (var e in table.QueryAsync<TableEntity>(select: ["PartitionKey", "CreatedTime", "RuntimeStatus"], maxPerPage: 1000, cancellationToken: timeout.Token))
            {
                var time = e.GetDateTimeOffset("CreatedTime");
                if (e.PartitionKey == cycleInstanceId)
                {
                    cycleCreated = time;
                }
                else if (e.PartitionKey.StartsWith(cycleInstanceId + "-owner-", StringComparison.Ordinal))
                {
                    if (time is { } t)
                    {
                        created.Add(t);
                    }

                    var status = e.GetString("RuntimeStatus") ?? "?";
                    byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        double? Since(DateTimeOffset? t) => t is { } x && cycleCreated is { } c ? (x - c).TotalSeconds : null;
        return new OwnerInstances(
            byStatus.Values.Sum(), Since(created.Count > 0 ? created.Min() : null), Since(created.Count > 0 ? created.Max() : null), byStatus);
    }

    public override string ToString() =>
        $"{Created} owner instances, created {FirstCreatedSeconds:0.0}–{LastCreatedSeconds:0.0} s after the cycle instance; " +
        string.Join(", ", ByStatus.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => $"{x.Key} {x.Value}"));
}
