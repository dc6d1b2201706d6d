using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Grpc;
using Trygghetsuppfoljning.Workflows.Orchestration;

namespace Trygghetsuppfoljning.Tests.Functions;

/// <summary>
/// Every activity wrapper of the Functions app against the call that schedules it: each typed call of workflows/
/// (context.SendInvitationAsync(input) ...) runs inside the real orchestration runner with the worker's data converter,
/// the host unwraps the scheduled input, and the extension reads it into the [ActivityTrigger] parameter with the same
/// converter. A wrapper under another name, or binding another record, or returning another type, fails here.
/// </summary>
public sealed class ActivityTriggerTests
{
    [Fact]
    public void Every_activity_of_workflows_has_exactly_one_wrapper_under_its_task_name_and_no_wrapper_is_left_over()
    {
        var wrappers = FunctionsWorker.FunctionsWithTrigger<ActivityTriggerAttribute>().Select(f => f.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(DurableTasks.Activities.Select(a => a.Name).Order(StringComparer.Ordinal).ToList(), wrappers);
    }

    [Fact]
    public void Every_activity_wrapper_binds_the_input_its_typed_call_schedules_and_returns_what_the_call_awaits()
    {
        using var worker = FunctionsWorker.Build();
        var converter = worker.DataConverter;
        var wrappers = FunctionsWorker.FunctionsWithTrigger<ActivityTriggerAttribute>().ToDictionary(f => f.Name);
        var scheduledNames = new List<string>();
        foreach (var call in TypedCalls())
        {
            var sample = SampleInputs.For(call.GetParameters()[1].ParameterType);

            // The orchestrator side: the typed call, run by the runner the extension uses, with the app's services.
            var response = HostDelivery.Decode(GrpcOrchestrationRunner.LoadAndRun<object, object>(
                HostDelivery.OrchestratorRequest("TypedCallProbe", null),
                async (context, _) => { await (Task)call.Invoke(null, [context, sample])!; return null; },
                worker.Services));
            var scheduled = Assert.Single(response.Actions).ScheduleTask;
            Assert.True(scheduled is not null, $"{call.Name} scheduled no activity: {response.Actions}");
            scheduledNames.Add(scheduled.Name);

            // The activity side: the wrapper under that name binds the delivered JSON to the same values.
            Assert.True(wrappers.TryGetValue(scheduled.Name, out var wrapper), $"{call.Name} schedules '{scheduled.Name}', which has no [Function] with an [ActivityTrigger].");
            Assert.True(wrapper.Trigger.ParameterType == sample.GetType(), $"{scheduled.Name}: the wrapper binds {wrapper.Trigger.ParameterType.Name}, {call.Name} sends {sample.GetType().Name}.");
            var delivered = HostDelivery.ActivityInput(scheduled.Input);
            var bound = converter.Deserialize(delivered, wrapper.Trigger.ParameterType);
            Assert.Equal(converter.Serialize(sample), converter.Serialize(bound));

            // What the wrapper returns is what the call awaits, and it is the activity class's own task types.
            Assert.True(wrapper.Method.ReturnType == call.ReturnType, $"{scheduled.Name}: the wrapper returns {wrapper.Method.ReturnType}, {call.Name} awaits {call.ReturnType}.");
            var activity = DurableTasks.Activities.Single(a => a.Name == scheduled.Name);
            Assert.Equal((wrapper.Trigger.ParameterType, wrapper.Method.ReturnType), TaskTypes(activity));
        }

        Assert.Equal(DurableTasks.Activities.Select(a => a.Name).Order(StringComparer.Ordinal), scheduledNames.Order(StringComparer.Ordinal));
    }

    /// <summary>The extension methods on TaskOrchestrationContext through which the orchestrators call activities.</summary>
    static List<MethodInfo> TypedCalls() =>
        new[] { typeof(DurableTasks), typeof(ApprovalTasks) }
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.GetParameters() is [{ ParameterType: var c }, _] && c == typeof(TaskOrchestrationContext))
            .ToList();

    static (Type Input, Type Output) TaskTypes(Type activity)
    {
        for (var type = activity; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(TaskActivity<,>))
            {
                return (type.GetGenericArguments()[0], typeof(Task<>).MakeGenericType(type.GetGenericArguments()[1]));
            }
        }

        throw new InvalidOperationException($"{activity.Name} is not a TaskActivity<TInput, TOutput>.");
    }
}
