namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>
/// The Swedish status set used in every follow-up. The codes are persisted; the labels users see
/// (Genomförd, Pågår enligt plan, Försenad, Ej påbörjad, Avbruten) come from the text catalogue in templates/.
/// </summary>
public enum MeasureStatus
{
    Completed,
    OnTrack,
    Delayed,
    NotStarted,
    Cancelled,
}
