using MimeKit;

namespace Trygghetsuppfoljning.Workflows.Mail;

/// <summary>
/// Reads a non-delivery report (RFC 3464: multipart/report with a message/delivery-status part) and says which of
/// our mails bounced. The original is named by the returned message or headers (message/rfc822, text/rfc822-headers),
/// an Original-Message-ID field, or the report's own In-Reply-To / References.
/// </summary>
public static class DeliveryReportParser
{
    public static IReadOnlyList<Bounce> Parse(MimeMessage report)
    {
        var statuses = report.BodyParts.OfType<MessageDeliveryStatus>().ToList();
        var returned = report.BodyParts.OfType<MessagePart>().Select(p => p.Message?.MessageId).FirstOrDefault(id => !string.IsNullOrWhiteSpace(id));
        if (statuses.Count == 0)
        {
            // Some servers send a plain-text bounce; only trust one from a mailer daemon that names the original.
            var from = report.From.Mailboxes.FirstOrDefault()?.LocalPart ?? string.Empty;
            var referenced = returned ?? report.InReplyTo ?? report.References.LastOrDefault();
            return referenced is not null && (from.Equals("mailer-daemon", StringComparison.OrdinalIgnoreCase) || from.Equals("postmaster", StringComparison.OrdinalIgnoreCase))
                ? [new Bounce(referenced, null, report.Subject ?? string.Empty)]
                : [];
        }

        var bounces = new List<Bounce>();
        foreach (var status in statuses)
        {
            var groups = status.StatusGroups;
            if (groups.Count == 0)
            {
                continue;
            }

            // The first group describes the message, each further group one recipient.
            var original = Clean(groups[0]["Original-Message-ID"]) ?? Clean(returned) ?? Clean(report.InReplyTo) ?? Clean(report.References.LastOrDefault());
            if (original is null)
            {
                continue;
            }

            foreach (var recipient in groups.Skip(1))
            {
                var action = recipient["Action"]?.Trim();
                var code = recipient["Status"]?.Trim() ?? string.Empty;
                if (!string.Equals(action, "failed", StringComparison.OrdinalIgnoreCase) && !code.StartsWith('5'))
                {
                    continue; // delayed, delivered, relayed: not a bounce
                }

                var address = (recipient["Final-Recipient"] ?? recipient["Original-Recipient"])?.Split(';', 2) is [_, var a] ? a.Trim() : null;
                var diagnostic = recipient["Diagnostic-Code"]?.Split(';', 2) is [_, var d] ? d.Trim() : code;
                bounces.Add(new Bounce(original, address, string.IsNullOrWhiteSpace(diagnostic) ? code : diagnostic));
            }
        }

        return bounces;
    }

    static string? Clean(string? messageId) => string.IsNullOrWhiteSpace(messageId) ? null : messageId.Trim().Trim('<', '>');
}
