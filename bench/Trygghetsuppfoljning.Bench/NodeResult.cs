namespace Trygghetsuppfoljning.Bench;

/// <summary>Timings of the npm docx runs (warm-up excluded) and the node process's peak resident memory.</summary>
internal sealed record NodeResult(IReadOnlyList<double> RunsMs, double MaxRssMb, string Version);
