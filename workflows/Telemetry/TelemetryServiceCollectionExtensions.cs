using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Trygghetsuppfoljning.Workflows.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>Our own spans and log categories start with this name.</summary>
    public const string SourceName = "Trygghetsuppfoljning";

    /// <summary>
    /// Both hosts: tokens are redacted from every log entry and span. OpenTelemetry (a span per request and per durable
    /// activity, plus logs) is switched on only when something receives it: a console or OTLP exporter configured here, or
    /// the host's own exporter (<paramref name="hostExporter"/>, e.g. Azure Monitor), so tests and local runs stay quiet.
    /// </summary>
    public static IServiceCollection AddTrygghetsuppfoljningTelemetry(
        this IServiceCollection services, IConfiguration configuration, Action<OpenTelemetryBuilder>? hostExporter = null)
    {
        services.AddTokenRedaction();
        var options = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = options.OtlpEndpoint ?? (Uri.TryCreate(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"], UriKind.Absolute, out var fromEnvironment) ? fromEnvironment : null);
        if (!options.Console && otlp is null && hostExporter is null)
        {
            return services;
        }

        var builder = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(SourceName))
            .WithTracing(t =>
            {
                // First, so it runs before any exporter's processor.
                t.AddProcessor(new RedactingActivityProcessor());
                t.AddSource(SourceName, "Microsoft.DurableTask*");
                t.AddAspNetCoreInstrumentation();
                t.AddHttpClientInstrumentation();
                if (options.Console)
                {
                    t.AddConsoleExporter();
                }

                if (otlp is not null)
                {
                    t.AddOtlpExporter(o => o.Endpoint = otlp);
                }
            })
            .WithLogging(l =>
            {
                if (options.Console)
                {
                    l.AddConsoleExporter();
                }

                if (otlp is not null)
                {
                    l.AddOtlpExporter(o => o.Endpoint = otlp);
                }
            });
        hostExporter?.Invoke(builder);
        return services;
    }

    /// <summary>Every logger the host creates goes through <see cref="RedactingLoggerFactory"/>, whatever providers are added later.</summary>
    public static IServiceCollection AddTokenRedaction(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ILoggerFactory) && d.ImplementationFactory?.Method.DeclaringType == typeof(TelemetryServiceCollectionExtensions)))
        {
            return services;
        }

        services.AddLogging();
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(CreateRedactingFactory));
        return services;
    }

    static RedactingLoggerFactory CreateRedactingFactory(IServiceProvider sp) => new(new LoggerFactory(
        sp.GetServices<ILoggerProvider>(),
        sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
        sp.GetService<IOptions<LoggerFactoryOptions>>(),
        sp.GetService<IExternalScopeProvider>()));
}
