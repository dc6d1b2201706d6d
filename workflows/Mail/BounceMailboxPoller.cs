using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Trygghetsuppfoljning.Workflows.Mail;

/// <summary>
/// Reads unseen mail in the bounce mailbox (IMAP, MailKit), records every non-delivery report that concerns one of
/// our mails, and marks each read message seen so the next poll skips it. Both hosts call it on a timer.
/// </summary>
public sealed class BounceMailboxPoller(IOptions<BounceMailboxOptions> options, BounceRecorder recorder, ILogger<BounceMailboxPoller> logger)
{
    public bool Enabled => options.Value.Enabled;

    public TimeSpan Interval => options.Value.PollInterval;

    /// <summary>Returns the number of bounces matched to our mail in this poll.</summary>
    public async Task<int> PollAsync(CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            return 0;
        }

        using var client = new ImapClient { Timeout = 30_000 };
        await client.ConnectAsync(o.Host!, o.Port, o.UseSsl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
        if (!string.IsNullOrEmpty(o.UserName))
        {
            await client.AuthenticateAsync(o.UserName, o.Password ?? string.Empty, cancellationToken);
        }

        var folder = await client.GetFolderAsync(o.Folder, cancellationToken);
        await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
        var matched = 0;
        foreach (var uid in await folder.SearchAsync(SearchQuery.NotSeen, cancellationToken))
        {
            var message = await folder.GetMessageAsync(uid, cancellationToken);
            matched += await recorder.RecordAsync(message, cancellationToken);
            await folder.AddFlagsAsync(uid, MessageFlags.Seen, silent: true, cancellationToken);
        }

        await client.DisconnectAsync(true, cancellationToken);
        if (matched > 0)
        {
            logger.LogInformation("Recorded {Count} bounce(s) from {Folder}", matched, o.Folder);
        }

        return matched;
    }
}
