using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Hosting;
using Trygghetsuppfoljning.Workflows;
using Trygghetsuppfoljning.Workflows.Telemetry;

namespace Trygghetsuppfoljning.Functions;

/// <summary>Everything Program.cs configures, in one call, so the tests build the app's services exactly as the app does.</summary>
public static class FunctionsAppSetup
{
    public static FunctionsApplicationBuilder AddTrygghetsuppfoljningFunctions(this FunctionsApplicationBuilder builder)
    {
        builder.ConfigureFunctionsWebApplication();
        builder.Services.AddTrygghetsuppfoljning(builder.Configuration);

        // Application Insights through OpenTelemetry when the platform gives a connection string; tokens redacted either way.
        var exportToAzureMonitor = !string.IsNullOrWhiteSpace(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        builder.Services.AddTrygghetsuppfoljningTelemetry(
            builder.Configuration,
            exportToAzureMonitor ? otel => otel.UseFunctionsWorkerDefaults().UseAzureMonitorExporter() : null);
        return builder;
    }

    /// <summary>The checks Program.cs runs on the built host before it serves anything (see <see cref="StartupChecks"/>).</summary>
    public static IHost CheckBeforeStart(this IHost host) =>
        host.RefuseDevelopmentSecretsOutsideDevelopment().RefuseUnreachableStorage();
}
