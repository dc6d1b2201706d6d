using DurableTask.Core;
using Trygghetsuppfoljning.Local.Engine;

namespace Trygghetsuppfoljning.IntegrationTests.Foundation;

/// <summary>
/// The sidecar stops the backend from an async void callback: a stop that throws there ends the test host (seen in CI).
/// The backend here behaves like the Azure Storage one: stopping before its start has finished throws.
/// </summary>
public sealed class StopSafeOrchestrationServiceTests
{
    [Fact]
    public async Task Stop_before_any_start_neither_throws_nor_lets_a_later_start_run_the_backend()
    {
        var backend = new StartOrderSensitiveBackend();
        var service = new StopSafeOrchestrationService(backend);

        await service.StopAsync();
        await service.StartAsync();

        Assert.Equal((0, 0), (backend.Starts, backend.Stops));
        using var idle = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        Assert.Null(await service.LockNextTaskActivityWorkItem(TimeSpan.FromSeconds(1), idle.Token));
    }

    [Fact]
    public async Task Stop_during_a_start_waits_for_it_then_stops_the_backend_once()
    {
        var backend = new StartOrderSensitiveBackend();
        var service = new StopSafeOrchestrationService(backend);

        var starting = service.StartAsync();
        var stopping = service.StopAsync(isForced: true);
        Assert.False(stopping.IsCompleted);
        backend.FinishStart();
        await starting;
        await stopping;

        Assert.Equal((1, 1), (backend.Starts, backend.Stops));
    }

    /// <summary>Throws from StopAsync until its StartAsync has completed, as AzureStorageOrchestrationService does.</summary>
    sealed class StartOrderSensitiveBackend : IOrchestrationService
    {
        readonly TaskCompletionSource start = new(TaskCreationOptions.RunContinuationsAsynchronously);
        bool started;

        public int Starts { get; private set; }

        public int Stops { get; private set; }

        public void FinishStart() => start.SetResult();

        public async Task StartAsync()
        {
            Starts++;
            await start.Task;
            started = true;
        }

        public Task StopAsync() => StopAsync(false);

        public Task StopAsync(bool isForced)
        {
            if (!started)
            {
                throw new InvalidOperationException("stopped before started (the Azure Storage backend throws NullReferenceException here)");
            }

            Stops++;
            return Task.CompletedTask;
        }

        public Task CreateAsync() => Task.CompletedTask;

        public Task CreateAsync(bool recreateInstanceStore) => Task.CompletedTask;

        public Task CreateIfNotExistsAsync() => Task.CompletedTask;

        public Task DeleteAsync() => Task.CompletedTask;

        public Task DeleteAsync(bool deleteInstanceStore) => Task.CompletedTask;

        public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) => false;

        public int GetDelayInSecondsAfterOnProcessException(Exception exception) => 0;

        public int GetDelayInSecondsAfterOnFetchException(Exception exception) => 0;

        public int TaskOrchestrationDispatcherCount => 1;

        public int MaxConcurrentTaskOrchestrationWorkItems => 1;

        public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => BehaviorOnContinueAsNew.Carryover;

        public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("never started");

        public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => Task.CompletedTask;

        public Task CompleteTaskOrchestrationWorkItemAsync(
            TaskOrchestrationWorkItem workItem, OrchestrationRuntimeState newOrchestrationRuntimeState, IList<TaskMessage> outboundMessages,
            IList<TaskMessage> orchestratorMessages, IList<TaskMessage> timerMessages, TaskMessage continuedAsNewMessage, OrchestrationState orchestrationState) =>
            Task.CompletedTask;

        public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => Task.CompletedTask;

        public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => Task.CompletedTask;

        public int TaskActivityDispatcherCount => 1;

        public int MaxConcurrentTaskActivityWorkItems => 1;

        public Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("never started");

        public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => Task.FromResult(workItem);

        public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) => Task.CompletedTask;

        public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) => Task.CompletedTask;
    }
}
