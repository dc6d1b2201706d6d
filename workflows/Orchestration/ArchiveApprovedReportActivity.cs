using Microsoft.DurableTask;
using Trygghetsuppfoljning.Workflows.Reports;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>
/// Regenerates and archives the report of an approved cycle, so the archived copy says "Fastställd av styrgruppen
/// &lt;date&gt;". Same blob name, same content but for that line: running it twice is harmless.
/// </summary>
public sealed class ArchiveApprovedReportActivity(ReportService reports) : TaskActivity<ApprovalTaskInput, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, ApprovalTaskInput input) =>
        await reports.GenerateAndArchiveAsync(input.AgreementId, input.Year);
}
