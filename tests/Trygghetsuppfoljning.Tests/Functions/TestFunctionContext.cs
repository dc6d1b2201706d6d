using Microsoft.Azure.Functions.Worker;

namespace Trygghetsuppfoljning.Tests.Functions;

/// <summary>The part of a function invocation the durable wrappers read: its services (what the host's FunctionContext gives them).</summary>
internal sealed class TestFunctionContext(IServiceProvider services, string functionName) : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => functionName;

    public override TraceContext TraceContext => throw new NotSupportedException();

    public override BindingContext BindingContext => throw new NotSupportedException();

    public override RetryContext RetryContext => throw new NotSupportedException();

    public override IServiceProvider InstanceServices { get; set; } = services;

    public override FunctionDefinition FunctionDefinition => throw new NotSupportedException();

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override Microsoft.Azure.Functions.Worker.IInvocationFeatures Features => throw new NotSupportedException();
}
