using Microsoft.Extensions.Logging;
using MimeKit;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Mail;

/// <summary>Matches a non-delivery report to the mail of ours it concerns (by Message-ID) and records the bounce on that owner.</summary>
public sealed class BounceRecorder(MailEventRepository events, TimeProvider time, ILogger<BounceRecorder> logger)
{
    /// <summary>Returns how many bounces were matched to one of our mails; reports about other mail are ignored.</summary>
    public async Task<int> RecordAsync(MimeMessage report, CancellationToken cancellationToken = default)
    {
        var matched = 0;
        foreach (var bounce in DeliveryReportParser.Parse(report))
        {
            if (await events.FindSentAsync(bounce.OriginalMessageId, cancellationToken) is not { } sent)
            {
                logger.LogInformation("Non-delivery report for {MessageId}, which is not one of ours", bounce.OriginalMessageId);
                continue;
            }

            await events.AppendAsync(
                sent with { Outcome = MailOutcome.Bounced, Recipients = bounce.Recipient ?? sent.Recipients, AtUtc = time.GetUtcNow(), Detail = bounce.Diagnostic },
                cancellationToken);
            matched++;
        }

        return matched;
    }
}
