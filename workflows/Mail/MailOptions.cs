using System.ComponentModel.DataAnnotations;

namespace Trygghetsuppfoljning.Workflows.Mail;

/// <summary>Bound from the <c>Mail</c> section. No SMTP host means mail is written as .eml files to the pickup folder.</summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    public string? SmtpHost { get; set; }

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 25;

    /// <summary>StartTLS when the server offers it; set false for a plain loopback relay.</summary>
    public bool UseStartTls { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    [Required]
    [EmailAddress]
    public string FromAddress { get; set; } = "trygghet@kommun.example";

    [Required]
    public string FromName { get; set; } = "Trygghetsuppföljning";

    /// <summary>Where .eml files go when no SMTP host is configured.</summary>
    [Required]
    public string PickupDirectory { get; set; } = "out/mail";
}
