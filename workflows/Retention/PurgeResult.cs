namespace Trygghetsuppfoljning.Workflows.Retention;

/// <summary>What a purge removed: per purged cycle (agreement-year), and totals.</summary>
public sealed record PurgeResult(IReadOnlyList<string> PurgedCycles, int Responses, int ProgressRows, int Tokens);
