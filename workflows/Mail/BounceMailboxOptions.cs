using System.ComponentModel.DataAnnotations;

namespace Trygghetsuppfoljning.Workflows.Mail;

/// <summary>
/// Bound from <c>Mail:BounceMailbox</c>: the IMAP mailbox that receives non-delivery reports (the sending address's
/// inbox, or a dedicated return-path mailbox). No host means no polling.
/// </summary>
public sealed class BounceMailboxOptions
{
    public const string SectionName = "Mail:BounceMailbox";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 993;

    /// <summary>TLS from the first byte (port 993); false means StartTLS when offered (port 143).</summary>
    public bool UseSsl { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string Folder { get; set; } = "INBOX";

    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
