using Trygghetsuppfoljning.Workflows.Mail;

namespace Trygghetsuppfoljning.Local.Engine;

/// <summary>Polls the bounce mailbox (Mail:BounceMailbox) while the local host runs; does nothing when none is configured.</summary>
internal sealed class BouncePollingService(BounceMailboxPoller poller, ILogger<BouncePollingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!poller.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(poller.Interval);
        do
        {
            try
            {
                await poller.PollAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A mailbox that is down today is polled again next time; bounces wait there meanwhile.
                logger.LogWarning(e, "Polling the bounce mailbox failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
