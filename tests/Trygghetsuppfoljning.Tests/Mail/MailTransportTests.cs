using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using MimeKit;
using Trygghetsuppfoljning.Workflows;
using Trygghetsuppfoljning.Workflows.Mail;
using GraphModels = Microsoft.Graph.Models;

namespace Trygghetsuppfoljning.Tests.Mail;

public sealed class MailTransportTests
{
    [Fact]
    public void A_composed_message_maps_to_a_graph_sendMail_body_with_html_recipients_headers_and_attachment()
    {
        var message = new MimeMessage { Subject = "Rapport 2025" };
        message.From.Add(new MailboxAddress("Trygghetsuppföljning", "trygghet@kommun.example"));
        message.To.Add(new MailboxAddress("Styrgruppen", "styrgrupp@kommun.example"));
        message.To.Add(new MailboxAddress("Polisen", "lpo@polisen.example"));
        message.Cc.Add(new MailboxAddress("Samordnaren", "samordnare@kommun.example"));
        message.Headers.Add("X-Trygghet-Kind", "report-delivery");
        var body = new BodyBuilder { HtmlBody = "<p>Hej <b>styrgrupp</b></p>", TextBody = "Hej styrgrupp" };
        var docx = new byte[] { 0x50, 0x4B, 3, 4, 1, 2, 3 };
        body.Attachments.Add("rapport.docx", docx, ContentType.Parse("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        message.Body = body.ToMessageBody();

        var request = GraphMailSender.ToRequestBody(message);

        Assert.True(request.SaveToSentItems);
        var m = request.Message!;
        Assert.Equal("Rapport 2025", m.Subject);
        Assert.Equal(GraphModels.BodyType.Html, m.Body!.ContentType);
        Assert.Equal("<p>Hej <b>styrgrupp</b></p>", m.Body.Content);
        Assert.Equal(["styrgrupp@kommun.example", "lpo@polisen.example"], m.ToRecipients!.Select(r => r.EmailAddress!.Address));
        Assert.Equal("Styrgruppen", m.ToRecipients![0].EmailAddress!.Name);
        Assert.Equal("samordnare@kommun.example", Assert.Single(m.CcRecipients!).EmailAddress!.Address);
        var header = Assert.Single(m.InternetMessageHeaders!);
        Assert.Equal(("X-Trygghet-Kind", "report-delivery"), (header.Name, header.Value));
        var attachment = Assert.IsType<GraphModels.FileAttachment>(Assert.Single(m.Attachments!));
        Assert.Equal("rapport.docx", attachment.Name);
        Assert.Equal(docx, attachment.ContentBytes);
        Assert.Equal("#microsoft.graph.fileAttachment", attachment.OdataType);
    }

    [Theory]
    [InlineData("smtp.kommun.example", null, false, false)]
    [InlineData("smtp.kommun.example", SmtpSecurity.None, false, false)]
    [InlineData("smtp.kommun.example", SmtpSecurity.StartTls, false, true)]
    [InlineData("smtp.kommun.example", SmtpSecurity.SslOnConnect, false, true)]
    [InlineData("smtp.kommun.example", null, true, true)]
    [InlineData("127.0.0.1", null, false, true)]
    [InlineData("localhost", SmtpSecurity.None, false, true)]
    public void Smtp_beyond_this_machine_requires_tls(string host, SmtpSecurity? security, bool useStartTls, bool valid)
    {
        var options = new MailOptions { SmtpHost = host, SmtpSecurity = security, UseStartTls = useStartTls };
        Assert.Equal(valid, Validate(options).Count == 0);
    }

    [Fact]
    public void Transport_follows_configuration_and_smtp_without_a_host_is_refused()
    {
        Assert.Equal(MailTransport.Pickup, new MailOptions().EffectiveTransport);
        Assert.Equal(MailTransport.Smtp, new MailOptions { SmtpHost = "127.0.0.1" }.EffectiveTransport);
        Assert.Equal(MailTransport.Graph, new MailOptions { Transport = MailTransport.Graph, SmtpHost = "127.0.0.1" }.EffectiveTransport);
        Assert.Contains(Validate(new MailOptions { Transport = MailTransport.Smtp }), r => r.ErrorMessage!.Contains("SmtpHost", StringComparison.Ordinal));
    }

    [Fact]
    public void The_configured_transport_is_the_sender_the_app_uses()
    {
        foreach (var (transport, expected) in new[] { ("Graph", typeof(GraphMailSender)), ("Smtp", typeof(SmtpMailSender)), ("Pickup", typeof(PickupFolderMailSender)) })
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Mail:Transport"] = transport,
                ["Mail:SmtpHost"] = "127.0.0.1",
            }).Build();
            using var services = new ServiceCollection().AddLogging().AddTrygghetsuppfoljning(configuration).BuildServiceProvider();
            // Every transport sits behind the recorder that keeps Message-IDs and refusals for the desk.
            var recorder = Assert.IsType<RecordingMailSender>(services.GetRequiredService<IMailSender>());
            Assert.IsType(expected, recorder.Inner);
        }
    }

    static List<ValidationResult> Validate(MailOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
