namespace Trygghetsuppfoljning.Workflows.Mail;

/// <summary>How the SMTP connection is protected (<c>Mail:SmtpSecurity</c>).</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text: accepted only for a relay on loopback (a local test server or a sidecar relay).</summary>
    None,

    /// <summary>Upgrade with STARTTLS, required (usually port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,
}
