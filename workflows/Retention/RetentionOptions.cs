using System.ComponentModel.DataAnnotations;

namespace Trygghetsuppfoljning.Workflows.Retention;

/// <summary>Bound from the <c>Retention</c> section: how long owners' personal data and free text are kept after a cycle closes.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>
    /// Answers (with their comments), per-owner progress and link tokens of a cycle closed longer ago than this are
    /// deleted by the purge (gallring); the cycle's aggregate figures stay for trends. Default three years: long
    /// enough for the next follow-ups and a mandate period's revision to read last year's answers.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan Period { get; set; } = TimeSpan.FromDays(3 * 365);
}
