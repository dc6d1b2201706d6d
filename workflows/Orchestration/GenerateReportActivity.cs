using Microsoft.DurableTask;
using Trygghetsuppfoljning.Workflows.Reports;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>Generates the steering group's report and archives it; only the blob name crosses the orchestration.</summary>
public sealed class GenerateReportActivity(ReportService reports) : TaskActivity<CycleTaskInput, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, CycleTaskInput input) =>
        reports.GenerateAndArchiveAsync(input.AgreementId, input.Year);
}
