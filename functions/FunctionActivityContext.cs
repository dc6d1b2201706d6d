using Microsoft.DurableTask;

namespace Trygghetsuppfoljning.Functions;

/// <summary>What the DurableTask source generator would hand a class-based activity (it is not served here).</summary>
internal sealed class FunctionActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } = instanceId;
}
