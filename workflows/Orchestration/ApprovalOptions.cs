using System.ComponentModel.DataAnnotations;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>
/// Configuration section <c>Approval</c>: how long a delivered report waits for the steering group's decision and how
/// often the coordinator is reminded to record it. Steering groups meet every few weeks, hence the defaults.
/// </summary>
public sealed class ApprovalOptions
{
    public const string SectionName = "Approval";

    /// <summary>A reminder to the coordinator after each interval without a decision (default 14 days).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromDays(14);

    /// <summary>The wait ends after this long without an approval (default 120 days); the decision can still be recorded, but nothing is published by itself.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "730.00:00:00")]
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromDays(120);
}
