namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>
/// One thing that happened to a mail the product sent, for the coordinator's desk: sent, refused at send time or
/// bounced later. <paramref name="OwnerId"/> is null for mail to the coordinator or the steering group.
/// </summary>
public sealed record MailEvent(
    string AgreementId,
    int Year,
    string? OwnerId,
    string Kind,
    string MessageId,
    string Recipients,
    MailOutcome Outcome,
    DateTimeOffset AtUtc,
    string? Detail = null);
