using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Grpc;
using Trygghetsuppfoljning.Workflows.Orchestration;
using P = Microsoft.DurableTask.Protobuf;

namespace Trygghetsuppfoljning.Tests.Functions;

/// <summary>
/// The orchestrator wrappers run as the Functions worker runs them: the orchestration trigger delivers a base64
/// protobuf OrchestratorRequest (history: orchestrator started, execution started with the input the client serialized),
/// the durable extension hands it to <see cref="GrpcOrchestrationRunner.LoadAndRun(string, ITaskOrchestrator, IServiceProvider)"/>
/// with an orchestrator that calls the [Function] method with the context, and sends the encoded actions back.
/// </summary>
public sealed class OrchestrationTriggerTests
{
    static readonly AnnualCycleInput Cycle = new(
        "hoganas", 2026, new DateTimeOffset(2026, 12, 15, 16, 0, 0, TimeSpan.Zero), [TimeSpan.FromDays(7), TimeSpan.FromDays(1)],
        TimeSpan.FromDays(3), TimeSpan.Zero, TimeSpan.FromMinutes(2));

    [Fact]
    public void Every_orchestrator_of_workflows_has_exactly_one_wrapper_under_its_task_name()
    {
        var wrappers = FunctionsWorker.FunctionsWithTrigger<OrchestrationTriggerAttribute>().ToList();
        Assert.Equal(
            DurableTasks.Orchestrators.Select(o => o.Name).Order(StringComparer.Ordinal),
            wrappers.Select(w => w.Name).Order(StringComparer.Ordinal));
        Assert.All(wrappers, w => Assert.Equal(typeof(TaskOrchestrationContext), w.Trigger.ParameterType));
    }

    [Fact]
    public void The_cycle_wrapper_run_from_an_encoded_request_first_schedules_prepare_cycle_with_the_cycle_and_the_orchestration_time()
    {
        using var worker = FunctionsWorker.Build();
        var input = Cycle;

        var response = RunWrapper(worker, nameof(AnnualFollowUpOrchestrator), worker.DataConverter.Serialize(input)!);

        var first = Assert.Single(response.Actions).ScheduleTask;
        Assert.NotNull(first);
        Assert.Equal(nameof(PrepareCycleActivity), first.Name);

        // The input as the activity trigger will read it, with the same converter, into the wrapper's parameter.
        var bound = worker.DataConverter.Deserialize(HostDelivery.ActivityInput(first.Input), ActivityParameter(nameof(PrepareCycleActivity)));
        Assert.Equal(new PrepareCycleInput(input.AgreementId, input.Year, new DateTimeOffset(HostDelivery.Now), input.DeadlineUtc), bound);
    }

    [Fact]
    public void Every_orchestrator_wrapper_acts_exactly_as_its_workflows_class_on_the_same_encoded_request()
    {
        using var worker = FunctionsWorker.Build();
        var activities = FunctionsWorker.FunctionsWithTrigger<ActivityTriggerAttribute>().ToDictionary(f => f.Name);
        foreach (var orchestrator in DurableTasks.Orchestrators)
        {
            var input = worker.DataConverter.Serialize(orchestrator == typeof(AnnualCycleOrchestrator) || orchestrator == typeof(AnnualFollowUpOrchestrator) ? Cycle : SampleInputs.For(InputOf(orchestrator)))!;
            var request = HostDelivery.OrchestratorRequest(orchestrator.Name, input);

            var throughWrapper = HostDelivery.Decode(GrpcOrchestrationRunner.LoadAndRun(request, new FunctionsTriggerOrchestrator(Wrapper(orchestrator.Name), worker.Services), worker.Services));
            var throughClass = HostDelivery.Decode(GrpcOrchestrationRunner.LoadAndRun(request, (ITaskOrchestrator)Activator.CreateInstance(orchestrator)!, worker.Services));

            // Both ran (a wrapper that binds another input or throws completes the instance as failed instead) ...
            Assert.DoesNotContain(throughWrapper.Actions, a => a.CompleteOrchestration is { OrchestrationStatus: P.OrchestrationStatus.Failed });
            Assert.NotEmpty(throughWrapper.Actions);
            Assert.Equal(throughClass.Actions, throughWrapper.Actions);

            // ... and what they schedule is an activity the app has a wrapper for, with an input that wrapper binds.
            foreach (var scheduled in throughWrapper.Actions.Where(a => a.ScheduleTask is not null).Select(a => a.ScheduleTask))
            {
                Assert.True(activities.TryGetValue(scheduled.Name, out var activity), $"{orchestrator.Name} schedules {scheduled.Name}, which has no activity trigger.");
                var delivered = HostDelivery.ActivityInput(scheduled.Input);
                var bound = worker.DataConverter.Deserialize(delivered, activity.Trigger.ParameterType);
                Assert.NotNull(bound);
                Assert.Equal(delivered, worker.DataConverter.Serialize(bound));
            }
        }
    }

    static P.OrchestratorResponse RunWrapper(FunctionsWorker worker, string name, string input) =>
        HostDelivery.Decode(GrpcOrchestrationRunner.LoadAndRun(HostDelivery.OrchestratorRequest(name, input), new FunctionsTriggerOrchestrator(Wrapper(name), worker.Services), worker.Services));

    static MethodInfo Wrapper(string name) =>
        FunctionsWorker.FunctionsWithTrigger<OrchestrationTriggerAttribute>().Single(f => f.Name == name).Method;

    static Type InputOf(Type orchestrator) =>
        orchestrator.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(TaskOrchestrator<,>)
            ? b.GetGenericArguments()[0]
            : throw new InvalidOperationException($"{orchestrator.Name} is not a TaskOrchestrator<TInput, TOutput>.");

    static Type ActivityParameter(string name) =>
        FunctionsWorker.FunctionsWithTrigger<ActivityTriggerAttribute>().Single(f => f.Name == name).Trigger.ParameterType;
}
