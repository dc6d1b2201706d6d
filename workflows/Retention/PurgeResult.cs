namespace Trygghetsuppfoljning.Workflows.Retention;

/// <summary>What a purge removed: per purged cycle (agreement-year), and totals.</summary>
/// <param name="DurableInstances">Orchestration instances whose history was purged (their ids and inputs name owners).</param>
/// <param name="Reports">Archived reports deleted (they name owners and quote their answers).</param>
public sealed record PurgeResult(IReadOnlyList<string> PurgedCycles, int Responses, int ProgressRows, int Tokens, int DurableInstances = 0, int Reports = 0);
