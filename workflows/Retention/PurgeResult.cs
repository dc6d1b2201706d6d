namespace Trygghetsuppfoljning.Workflows.Retention;

/// <summary>What a purge removed: per purged cycle (agreement-year), and totals.</summary>
/// <param name="DurableInstances">Orchestration instances whose history was purged (their ids and inputs name owners).</param>
public sealed record PurgeResult(IReadOnlyList<string> PurgedCycles, int Responses, int ProgressRows, int Tokens, int DurableInstances = 0);
