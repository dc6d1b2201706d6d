using System.Text.RegularExpressions;
using MimeKit;

namespace Trygghetsuppfoljning.LoadBench;

/// <summary>
/// The owners' inboxes: the host's mail pickup folder. Each new invitation (.eml, header X-Trygghet-Kind) yields the
/// owner (by address) and the personal link from the real mail, exactly what an owner would click.
/// </summary>
public sealed partial class InvitationMailbox(string directory, IReadOnlyDictionary<string, string> ownerByAddress)
{
    readonly HashSet<string> seen = new(StringComparer.Ordinal);

    /// <summary>Mails of any kind read so far (invitations, receipts, the coordinator's, the report's).</summary>
    public int MailsRead => seen.Count;

    /// <summary>Invitations that arrived since the last call: (owner id, link).</summary>
    public List<(string OwnerId, string Link)> TakeNewInvitations()
    {
        var result = new List<(string, string)>();
        if (!Directory.Exists(directory))
        {
            return result;
        }

        foreach (var path in Directory.EnumerateFiles(directory, "*.eml"))
        {
            if (!seen.Add(path))
            {
                continue;
            }

            var message = MimeMessage.Load(path);
            if (message.Headers["X-Trygghet-Kind"] != "invitation")
            {
                continue;
            }

            var address = message.To.Mailboxes.Single().Address;
            var link = LinkPattern().Match(message.HtmlBody ?? message.TextBody ?? string.Empty).Value;
            if (ownerByAddress.TryGetValue(address, out var ownerId) && link.Length > 0)
            {
                result.Add((ownerId, link));
            }
        }

        return result;
    }

    /// <summary>Mails of one kind in the folder now (e.g. receipts), read from their headers.</summary>
    public int Count(string kind) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.eml").Count(p => HeaderLoad(p)["X-Trygghet-Kind"] == kind)
            : 0;

    static HeaderList HeaderLoad(string path)
    {
        using var stream = File.OpenRead(path);
        return HeaderList.Load(stream);
    }

    [GeneratedRegex(@"https?://[^\s""<>]+/forms/[A-Za-z0-9_-]{43}")]
    private static partial Regex LinkPattern();
}
