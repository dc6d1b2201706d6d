using System.ComponentModel.DataAnnotations;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>
/// The yearly schedule, bound from the <c>Schedule</c> section. The timer's CRON lives in the Functions host's
/// <c>Schedule:Cron</c> setting; the rest becomes part of each cycle's input.
/// </summary>
public sealed class CycleScheduleOptions
{
    public const string SectionName = "Schedule";

    /// <summary>When the yearly timer fires (six-field NCRONTAB). Default: 15 January 06:00.</summary>
    [Required]
    public string Cron { get; set; } = "0 0 6 15 1 *";

    /// <summary>How long owners have from the start of the cycle.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan DeadlineAfterStart { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The reminders when none are configured: 14 and 3 days before the deadline.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultReminders = [TimeSpan.FromDays(14), TimeSpan.FromDays(3)];

    /// <summary>
    /// Reminders, as time before the deadline; empty means <see cref="DefaultReminders"/>. Not initialised with the
    /// defaults because the configuration binder appends configured items to a list that already holds some.
    /// An offset of zero is a reminder at the deadline, i.e. none.
    /// </summary>
    public List<TimeSpan> RemindersBeforeDeadline { get; set; } = [];

    /// <summary>What a cycle gets: the configured reminders, or the defaults.</summary>
    public IReadOnlyList<TimeSpan> EffectiveReminders => RemindersBeforeDeadline.Count > 0 ? RemindersBeforeDeadline : DefaultReminders;

    /// <summary>Answers still accepted after the deadline notice, before the cycle closes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "90.00:00:00")]
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromDays(7);

    /// <summary>No longer used: owners no longer report back to the cycle (its outcome is read from Tables). Kept so existing settings still bind.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan OwnerSettleTime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Submissions this close together get one receipt, for the latest (an owner who presses Submit three times gets one mail).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ReceiptDebounce { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How often the local host sends the receipts that fell due (the Functions app's timer runs every minute). A
    /// receipt goes out between the debounce time and the debounce time plus this after the last submission.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan ReceiptSweepInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a sender holds a receipt it is sending. A sender that dies holding one (a killed host) delays that
    /// receipt by up to this long, then another sends it; it must outlast one mail's sending by far.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan ReceiptClaimTime { get; set; } = TimeSpan.FromMinutes(2);
}
