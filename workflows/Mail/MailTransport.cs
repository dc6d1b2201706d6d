namespace Trygghetsuppfoljning.Workflows.Mail;

/// <summary>How mail leaves the app (<c>Mail:Transport</c>).</summary>
public enum MailTransport
{
    /// <summary>.eml files in <see cref="MailOptions.PickupDirectory"/>: development and demos only.</summary>
    Pickup,

    /// <summary>An SMTP relay (<see cref="MailOptions.SmtpHost"/>); TLS is required unless the relay is on loopback.</summary>
    Smtp,

    /// <summary>Microsoft 365 through Microsoft Graph <c>sendMail</c>, from one shared mailbox, signed in with the app's identity.</summary>
    Graph,
}
