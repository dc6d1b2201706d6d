namespace Trygghetsuppfoljning.Workflows.Reports;

/// <summary>One series of the status chart: its legend name, colour (RRGGBB), one value per category, and whether it is hatched.</summary>
internal sealed record ReportChartSeries(string Name, string Color, IReadOnlyList<int> Values, bool Hatched = false);
