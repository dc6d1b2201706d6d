namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>What became of one mail: handed to the mail server, refused by it at once, or bounced later (a non-delivery report).</summary>
public enum MailOutcome
{
    Sent,
    Refused,
    Bounced,
}
