using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Trygghetsuppfoljning.Workflows.Mail;

/// <summary>
/// Bound from the <c>Mail</c> section. <see cref="Transport"/> picks how mail leaves; without it, an SMTP host means SMTP
/// and no host means .eml files in the pickup folder (the local default).
/// </summary>
public sealed class MailOptions : IValidatableObject
{
    public const string SectionName = "Mail";

    public MailTransport? Transport { get; set; }

    public string? SmtpHost { get; set; }

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 25;

    /// <summary>Unset: STARTTLS when <see cref="UseStartTls"/> is true, otherwise none (which only a loopback relay accepts).</summary>
    public SmtpSecurity? SmtpSecurity { get; set; }

    /// <summary>Older switch kept for existing settings: true means <see cref="Mail.SmtpSecurity.StartTls"/>.</summary>
    public bool UseStartTls { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Graph: the shared mailbox that sends (UPN or object id); defaults to <see cref="FromAddress"/>.</summary>
    public string? GraphMailbox { get; set; }

    /// <summary>Graph: client id of the user-assigned managed identity holding Mail.Send (empty: system-assigned or developer sign-in).</summary>
    public string? ManagedIdentityClientId { get; set; }

    [Required]
    [EmailAddress]
    public string FromAddress { get; set; } = "trygghet@kommun.example";

    [Required]
    public string FromName { get; set; } = "Trygghetsuppföljning";

    /// <summary>Where .eml files go when no SMTP host is configured.</summary>
    [Required]
    public string PickupDirectory { get; set; } = "out/mail";

    public MailTransport EffectiveTransport => Transport ?? (string.IsNullOrWhiteSpace(SmtpHost) ? MailTransport.Pickup : MailTransport.Smtp);

    public SmtpSecurity EffectiveSmtpSecurity => SmtpSecurity ?? (UseStartTls ? Mail.SmtpSecurity.StartTls : Mail.SmtpSecurity.None);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (EffectiveTransport == MailTransport.Smtp && string.IsNullOrWhiteSpace(SmtpHost))
        {
            yield return new ValidationResult("Mail:Transport is Smtp but Mail:SmtpHost is empty.", [nameof(SmtpHost)]);
        }

        // Credentials and personal links must not cross a network in clear text.
        if (EffectiveTransport == MailTransport.Smtp && !string.IsNullOrWhiteSpace(SmtpHost) && !IsLoopback(SmtpHost) && EffectiveSmtpSecurity == Mail.SmtpSecurity.None)
        {
            yield return new ValidationResult(
                $"Mail:SmtpHost '{SmtpHost}' is not on this machine, so Mail:SmtpSecurity must be StartTls or SslOnConnect (plain SMTP is refused).",
                [nameof(SmtpSecurity)]);
        }
    }

    public static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
}
