using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using MimeKit;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Mail;

/// <summary>
/// Wraps the real sender and records, for every mail about a cycle, that it was sent (its Message-ID, to match a later
/// bounce) or that the server refused its recipient. The activities stay unaware of it.
/// </summary>
public sealed class RecordingMailSender(IMailSender inner, MailEventRepository events, TimeProvider time, ILogger<RecordingMailSender> logger) : IMailSender
{
    public IMailSender Inner => inner;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        var about = About(message);
        try
        {
            await inner.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException e) when (about is not null && e.ErrorCode == SmtpErrorCode.RecipientNotAccepted && (int)e.StatusCode >= 500)
        {
            var refused = about with
            {
                Outcome = MailOutcome.Refused,
                Recipients = e.Mailbox?.Address ?? about.Recipients,
                AtUtc = time.GetUtcNow(),
                Detail = $"{(int)e.StatusCode} {e.Message}",
            };
            await events.AppendAsync(refused, cancellationToken);
            logger.LogWarning("Mail {MessageId} refused for {Recipient}: {Detail}", refused.MessageId, refused.Recipients, refused.Detail);

            // A permanent refusal of an owner's one address will not heal by retrying: it is recorded and shown on the desk,
            // where the coordinator replaces the owner. A mail to several people is not silently dropped: it still fails.
            if (message.To.Count + message.Cc.Count + message.Bcc.Count != 1)
            {
                throw;
            }

            return;
        }

        if (about is not null)
        {
            try
            {
                await events.AppendAsync(about with { AtUtc = time.GetUtcNow() }, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The mail is out; failing now would make the activity send it again. The desk then lacks one "sent" row.
                logger.LogWarning(e, "Mail {MessageId} was sent but could not be recorded", about.MessageId);
            }
        }
    }

    /// <summary>The cycle and owner a mail concerns, from the composer's headers; null for mail about no cycle.</summary>
    static MailEvent? About(MimeMessage message)
    {
        if (message.Headers[MailHeaders.Agreement] is not { Length: > 0 } agreementId
            || !int.TryParse(message.Headers[MailHeaders.Year], System.Globalization.CultureInfo.InvariantCulture, out var year))
        {
            return null;
        }

        var recipients = string.Join(", ", message.To.Concat(message.Cc).Concat(message.Bcc).OfType<MailboxAddress>().Select(m => m.Address));
        return new MailEvent(
            agreementId, year, message.Headers[MailHeaders.Owner], message.Headers[MailHeaders.Kind] ?? string.Empty, message.MessageId ?? string.Empty,
            recipients, MailOutcome.Sent, DateTimeOffset.MinValue);
    }
}
