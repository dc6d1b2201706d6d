using Microsoft.DurableTask;
using Trygghetsuppfoljning.Workflows.Mail;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>The cycle's receipts owed (all of them when closing), so a late answer in the grace period is receipted before the report goes out.</summary>
public sealed class SendDueReceiptsActivity(ReceiptSweeper sweeper) : TaskActivity<SendDueReceiptsInput, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, SendDueReceiptsInput input) =>
        sweeper.SendDueAsync(input.AgreementId, input.Year, input.DueBeforeUtc ?? DateTimeOffset.MaxValue, untilNoneOwed: input.DueBeforeUtc is null);
}
