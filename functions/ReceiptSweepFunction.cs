using Microsoft.Azure.Functions.Worker;
using Trygghetsuppfoljning.Workflows.Mail;

namespace Trygghetsuppfoljning.Functions;

/// <summary>Sends the receipts that fell due (a submission owes one, written with its answers), every minute.</summary>
public sealed class ReceiptSweepFunction(ReceiptSweeper sweeper)
{
    [Function(nameof(SendDueReceipts))]
    public Task SendDueReceipts([TimerTrigger("0 */1 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        sweeper.SweepAsync(cancellationToken);
}
