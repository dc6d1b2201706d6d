using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Trygghetsuppfoljning.Tests.Functions;

/// <summary>
/// An orchestrator [Function] as the durable extension runs it (its FunctionsOrchestrator): the input stays untyped (a
/// wrapper declares no input parameter, so the extension runs it as an orchestrator of object) and the method gets the
/// extension's own context, FunctionsOrchestrationContext (internal, so created by reflection), whose GetInput&lt;T&gt;
/// re-reads the input with the worker's data converter.
/// </summary>
internal sealed class FunctionsTriggerOrchestrator(MethodInfo function, IServiceProvider services) : ITaskOrchestrator
{
    static readonly Type ContextType = typeof(OrchestrationTriggerAttribute).Assembly
        .GetType("Microsoft.Azure.Functions.Worker.Extensions.DurableTask.FunctionsOrchestrationContext", throwOnError: true)!;

    public Type InputType => typeof(object);

    public Type OutputType => typeof(object);

    public async Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
    {
        var functionContext = new TestFunctionContext(services, function.Name);
        var functionsContext = Activator.CreateInstance(ContextType, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null, [context, functionContext], null);
        var task = (Task)function.Invoke(null, [functionsContext])!;
        await task;
        return task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task);
    }
}
