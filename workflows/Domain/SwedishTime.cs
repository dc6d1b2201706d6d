namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>
/// The time the municipality lives in. Deadlines and dates users read are Swedish local time; UTC stays the stored
/// form. Falls back to UTC where the machine has no time-zone data, rather than failing a mail or a report.
/// </summary>
public static class SwedishTime
{
    public static readonly TimeZoneInfo Zone = Find();

    public static DateTimeOffset ToLocal(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Zone);

    public static DateOnly DateOf(DateTimeOffset moment) => DateOnly.FromDateTime(ToLocal(moment).DateTime);

    static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
