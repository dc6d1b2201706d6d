namespace Trygghetsuppfoljning.Local.Engine;

/// <summary>Bound from the <c>Local</c> section: how the local host runs the durable engine and the form.</summary>
public sealed class LocalEngineOptions
{
    public const string SectionName = "Local";

    /// <summary>Durable task hub (Azure Storage backend on Azurite). Tests use a fresh one each.</summary>
    public string TaskHubName { get; set; } = "Trygghet";

    /// <summary>Loopback port for the form and coordinator endpoints; 0 picks a free one.</summary>
    public int HttpPort { get; set; } = 7071;

    /// <summary>
    /// The Azure Storage backend backs off its queue polling when idle (30 s by default); a compressed demo
    /// schedule needs it near a second (design.md §4).
    /// </summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Partition leases; shorter ones let a restarted process resume sooner after a crash.</summary>
    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a queue message taken by a process stays invisible to others. A killed process's messages come back
    /// only after this (the backend's default is 5 min), so crash tests shorten it; work items here take milliseconds.
    /// </summary>
    public TimeSpan QueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Activities run at once by the backend (its default is 10, which made a 1,000-owner cycle queue up behind
    /// itself); host.json's maxConcurrentActivityFunctions says the same for the Functions host.
    /// </summary>
    public int MaxConcurrentActivities { get; set; } = 64;

    /// <summary>Orchestration episodes run at once (owner instances are many and short); host.json's maxConcurrentOrchestratorFunctions.</summary>
    public int MaxConcurrentOrchestrations { get; set; } = 64;

    /// <summary>Control-queue partitions of the task hub (the backend's default is 4; more spread owner instances over more queues).</summary>
    public int PartitionCount { get; set; } = 4;
}
