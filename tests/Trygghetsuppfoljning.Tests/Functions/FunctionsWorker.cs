using System.Reflection;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Trygghetsuppfoljning.Functions;

namespace Trygghetsuppfoljning.Tests.Functions;

/// <summary>
/// The Functions app's worker without the Functions host: Program.cs's own set-up plus the extension start-up code the
/// Worker SDK generated into the app (the worker runs it when the app is the entry assembly; under the test runner it
/// is not, so it is run here). That start-up is what gives the durable triggers their data converter, so the inputs
/// and outputs of the wrappers are (de)serialized here exactly as in Azure. Storage is configured but never reached.
/// </summary>
public sealed class FunctionsWorker : IDisposable
{
    readonly IHost host;

    FunctionsWorker(IHost host) => this.host = host;

    public IServiceProvider Services => host.Services;

    /// <summary>The converter the durable extension gives the worker: it serializes activity inputs in the orchestrator and reads them into the activity trigger.</summary>
    public DataConverter DataConverter => host.Services.GetRequiredService<IOptions<DurableTaskWorkerOptions>>().Value.DataConverter;

    /// <param name="beforeApp">Services a test adds ahead of the app's own (e.g. a log capture), as the platform's would be.</param>
    public static FunctionsWorker Build(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? beforeApp = null)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Environment.EnvironmentName = "Development";
        RunGeneratedExtensionStartup(builder);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Templates:Root"] = Path.Combine(TestPaths.RepositoryRoot, "templates"),
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        beforeApp?.Invoke(builder.Services);
        builder.AddTrygghetsuppfoljningFunctions();
        return new FunctionsWorker(builder.Build());
    }

    /// <summary>The [Function] methods of the app, with their names.</summary>
    public static IEnumerable<(string Name, MethodInfo Method)> Functions() =>
        typeof(FunctionsAppSetup).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Attribute: m.GetCustomAttribute<Microsoft.Azure.Functions.Worker.FunctionAttribute>(), Method: m))
            .Where(f => f.Attribute is not null)
            .Select(f => (f.Attribute!.Name, f.Method));

    /// <summary>The functions whose trigger parameter carries <typeparamref name="TTrigger"/>, with that parameter.</summary>
    public static IEnumerable<(string Name, MethodInfo Method, ParameterInfo Trigger)> FunctionsWithTrigger<TTrigger>()
        where TTrigger : Attribute =>
        Functions()
            .Select(f => (f.Name, f.Method, Trigger: f.Method.GetParameters().SingleOrDefault(p => p.GetCustomAttribute<TTrigger>() is not null)))
            .Where(f => f.Trigger is not null)
            .Select(f => (f.Name, f.Method, f.Trigger!));

    public void Dispose() => host.Dispose();

    static void RunGeneratedExtensionStartup(FunctionsApplicationBuilder builder)
    {
        var info = typeof(FunctionsAppSetup).Assembly.GetCustomAttribute<WorkerExtensionStartupCodeExecutorInfoAttribute>();
        Assert.True(info is not null, "The Worker SDK generated no extension start-up into the Functions app.");
        var startup = (WorkerExtensionStartup)Activator.CreateInstance(info.StartupCodeExecutorType)!;
        startup.Configure(builder);
    }
}
