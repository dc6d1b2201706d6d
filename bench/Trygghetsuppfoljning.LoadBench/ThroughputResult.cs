namespace Trygghetsuppfoljning.LoadBench;

/// <summary>P3 at one concurrency against one target: acknowledged = HTTP 200, stored = rows/revisions counted afterwards.</summary>
public sealed record ThroughputResult(string Target, int Concurrency, double Seconds, int Acknowledged, int Refused, int Errors, long Stored, LatencySummary Latency)
{
    public double RequestsPerSecond => Acknowledged / Seconds;
}
