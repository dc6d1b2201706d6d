using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Trygghetsuppfoljning.Workflows.Orchestration;

namespace Trygghetsuppfoljning.Functions;

public sealed class YearlyTimerFunction(CycleStarter starter, ILogger<YearlyTimerFunction> logger)
{
    /// <summary>Starts one cycle per active agreement for the year just ended; the CRON is the Schedule:Cron setting.</summary>
    [Function(nameof(StartYearlyCycles))]
    public async Task StartYearlyCycles([TimerTrigger("%Schedule:Cron%")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        foreach (var outcome in await starter.StartAllAsync(client, cancellationToken))
        {
            logger.LogInformation("{Outcome}", outcome);
        }
    }
}
