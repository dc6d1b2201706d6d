namespace Trygghetsuppfoljning.Workflows.Telemetry;

/// <summary>
/// Bound from the <c>Telemetry</c> section: where traces and logs go besides the normal logging. Off by default, so
/// local runs and tests stay quiet; in Azure the Functions app exports to Application Insights when
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set.
/// </summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>Write spans and log records to the console (a quick look while developing).</summary>
    public bool Console { get; set; }

    /// <summary>An OpenTelemetry collector, e.g. <c>http://localhost:4317</c> (the standard OTEL_EXPORTER_OTLP_ENDPOINT works too).</summary>
    public Uri? OtlpEndpoint { get; set; }
}
