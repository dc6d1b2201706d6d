using Azure.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Users.Item.SendMail;
using MimeKit;
using GraphModels = Microsoft.Graph.Models;

namespace Trygghetsuppfoljning.Workflows.Mail;

/// <summary>
/// Microsoft 365 mail through Microsoft Graph <c>users/{mailbox}/sendMail</c>, signed in with the app's managed identity
/// (application permission Mail.Send, limited to the one shared mailbox by an Exchange application access policy).
/// A failure throws, so the calling activity's retry policy takes over.
/// </summary>
public sealed class GraphMailSender : IMailSender, IDisposable
{
    readonly GraphServiceClient client;
    readonly string mailbox;

    public GraphMailSender(IOptions<MailOptions> options)
    {
        var o = options.Value;
        mailbox = string.IsNullOrWhiteSpace(o.GraphMailbox) ? o.FromAddress : o.GraphMailbox;
        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(o.ManagedIdentityClientId) ? null : o.ManagedIdentityClientId,
        });
        client = new GraphServiceClient(credential, ["https://graph.microsoft.com/.default"]);
    }

    public Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default) =>
        client.Users[mailbox].SendMail.PostAsync(ToRequestBody(message), cancellationToken: cancellationToken);

    public void Dispose() => client.Dispose();

    /// <summary>The Graph request body for a composed message: subject, HTML (or text) body, recipients, our X- headers, attachments.</summary>
    public static SendMailPostRequestBody ToRequestBody(MimeMessage message)
    {
        var html = message.HtmlBody;
        var graphMessage = new GraphModels.Message
        {
            Subject = message.Subject,
            Body = html is not null
                ? new GraphModels.ItemBody { ContentType = GraphModels.BodyType.Html, Content = html }
                : new GraphModels.ItemBody { ContentType = GraphModels.BodyType.Text, Content = message.TextBody ?? string.Empty },
            ToRecipients = Recipients(message.To),
            CcRecipients = Recipients(message.Cc),
            // Graph accepts custom headers only with an "x-" name; ours (X-Trygghet-Kind) qualify.
            InternetMessageHeaders = message.Headers
                .Where(h => h.Field.StartsWith("X-", StringComparison.OrdinalIgnoreCase))
                .Select(h => new GraphModels.InternetMessageHeader { Name = h.Field, Value = h.Value })
                .ToList(),
            Attachments = message.Attachments.OfType<MimePart>().Select(ToAttachment).ToList(),
        };

        if (graphMessage.InternetMessageHeaders.Count == 0)
        {
            graphMessage.InternetMessageHeaders = null;
        }

        return new SendMailPostRequestBody { Message = graphMessage, SaveToSentItems = true };
    }

    static List<GraphModels.Recipient> Recipients(InternetAddressList addresses) =>
        addresses.Mailboxes.Select(m => new GraphModels.Recipient { EmailAddress = new GraphModels.EmailAddress { Address = m.Address, Name = m.Name } }).ToList();

    static GraphModels.Attachment ToAttachment(MimePart part)
    {
        using var content = new MemoryStream();
        part.Content?.DecodeTo(content);
        return new GraphModels.FileAttachment
        {
            OdataType = "#microsoft.graph.fileAttachment",
            Name = part.FileName,
            ContentType = part.ContentType.MimeType,
            ContentBytes = content.ToArray(),
        };
    }
}
