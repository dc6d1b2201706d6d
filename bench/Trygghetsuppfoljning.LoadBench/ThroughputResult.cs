namespace Trygghetsuppfoljning.LoadBench;

/// <summary>P3 at one concurrency against one target: acknowledged = HTTP 200, stored = rows/revisions counted afterwards.</summary>
public sealed record ThroughputResult(string Target, int Concurrency, double Seconds, int Acknowledged, int Refused, int Errors, long Stored, LatencySummary Latency,
    double BenchCpuSeconds, double AzuriteCpuSeconds, double LoadAverage)
{
    public double RequestsPerSecond => Acknowledged / Seconds;

    /// <summary>CPU per acknowledged request: the bench process (host and load generator) and Azurite, in ms.</summary>
    public double CpuMsPerRequest => BenchCpuMsPerRequest + AzuriteCpuMsPerRequest;

    public double BenchCpuMsPerRequest => BenchCpuSeconds * 1000 / Math.Max(Acknowledged, 1);

    public double AzuriteCpuMsPerRequest => AzuriteCpuSeconds * 1000 / Math.Max(Acknowledged, 1);

    /// <summary>Requests/s if the two processes had all cores to themselves (cores / CPU per request): independent of the neighbours' load.</summary>
    public double CpuBoundRequestsPerSecond => Environment.ProcessorCount * 1000 / CpuMsPerRequest;
}
