using Microsoft.Extensions.Options;
using MimeKit;

namespace Trygghetsuppfoljning.Workflows.Mail;

/// <summary>The local default: each message becomes an .eml file any mail client opens.</summary>
public sealed class PickupFolderMailSender(IOptions<MailOptions> options) : IMailSender
{
    public string Directory { get; } = Path.GetFullPath(options.Value.PickupDirectory);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var safeId = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'));
        var path = Path.Combine(Directory, $"{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}-{safeId}.eml");
        var temp = path + ".tmp";
        await message.WriteToAsync(temp, cancellationToken);

        // Rename last so a reader never sees half a message.
        File.Move(temp, path, overwrite: true);
    }
}
