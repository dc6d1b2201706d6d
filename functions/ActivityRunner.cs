using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Trygghetsuppfoljning.Functions;

internal static class ActivityRunner
{
    /// <summary>Builds the workflows/ activity from the function's services (plus any binding-only arguments) and runs it.</summary>
    public static Task<TOutput> RunAsync<TActivity, TInput, TOutput>(TInput input, string instanceId, FunctionContext context, params object[] extra)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        var activity = ActivatorUtilities.CreateInstance<TActivity>(context.InstanceServices, extra);
        return activity.RunAsync(new FunctionActivityContext(typeof(TActivity).Name, instanceId), input);
    }
}
