using Microsoft.DurableTask;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

internal static class RetryPolicies
{
    /// <summary>
    /// Mail and storage outages: 10 attempts, 5 s doubling to at most 5 min (≈ 20 min in all), so an SMTP server
    /// down for a quarter of an hour costs a delay, not a lost mail.
    /// </summary>
    public static readonly TaskOptions Outage = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 10, firstRetryInterval: TimeSpan.FromSeconds(5), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(5)));
}
