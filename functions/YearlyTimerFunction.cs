using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Trygghetsuppfoljning.Workflows.Orchestration;
using Trygghetsuppfoljning.Workflows.Retention;

namespace Trygghetsuppfoljning.Functions;

public sealed class YearlyTimerFunction(CycleStarter starter, RetentionPurger purger, Workflows.Migration.StorageMigrator migrator, ILogger<YearlyTimerFunction> logger)
{
    /// <summary>Starts one cycle per active agreement for the year just ended; the CRON is the Schedule:Cron setting.</summary>
    [Function(nameof(StartYearlyCycles))]
    public async Task StartYearlyCycles([TimerTrigger("%Schedule:Cron%")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        // Whatever an older version stored is converted before this year's cycles start (a no-op when current).
        await migrator.MigrateAsync(client, cancellationToken);
        foreach (var outcome in await starter.StartAllAsync(client, cancellationToken))
        {
            logger.LogInformation("{Outcome}", outcome);
        }

        // Once a year is often enough for gallring: the retention period is counted in years.
        var purged = await purger.PurgeAsync(client, cancellationToken: cancellationToken);
        logger.LogInformation("Purge: {Cycles} cycle(s), {Responses} answers, {Progress} progress rows, {Tokens} tokens removed", purged.PurgedCycles.Count, purged.Responses, purged.ProgressRows, purged.Tokens);
    }
}
