using Microsoft.Extensions.Options;
using Trygghetsuppfoljning.Workflows.Mail;
using Trygghetsuppfoljning.Workflows.Orchestration;

namespace Trygghetsuppfoljning.Local.Engine;

/// <summary>Sends the receipts that fell due, every Schedule:ReceiptSweepInterval while the local host runs (the Functions app has a timer).</summary>
internal sealed class ReceiptSweepService(ReceiptSweeper sweeper, IOptions<CycleScheduleOptions> schedule, ILogger<ReceiptSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(schedule.Value.ReceiptSweepInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await sweeper.SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Storage down: the receipts stay owed in Tables and go out at a later sweep.
                logger.LogWarning(e, "Sending due receipts failed");
            }
        }
    }
}
