using System.Text;
using MimeKit;
using Trygghetsuppfoljning.Workflows.Mail;

namespace Trygghetsuppfoljning.Tests.Mail;

/// <summary>Non-delivery reports as mail servers send them (RFC 3464), read back to the Message-ID of our mail that bounced.</summary>
public sealed class DeliveryReportParserTests
{
    const string Ours = "invitation.hoganas-2025.johan-ek.0@trygghetsuppfoljning";

    /// <summary>A Postfix-style bounce: multipart/report with the explanation, message/delivery-status and text/rfc822-headers.</summary>
    public static string PostfixBounce(string originalMessageId, string recipient, string action = "failed", string status = "5.1.1") => $"""
        Return-Path: <>
        From: MAILER-DAEMON@mx.kommun.example (Mail Delivery System)
        To: trygghet@kommun.example
        Subject: Undelivered Mail Returned to Sender
        Message-ID: <20250120101010.ABC123@mx.kommun.example>
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="NDR-BOUNDARY"

        --NDR-BOUNDARY
        Content-Type: text/plain; charset=us-ascii

        This is the mail system at host mx.kommun.example.
        I'm sorry to have to inform you that your message could not be delivered.

        --NDR-BOUNDARY
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.kommun.example
        Arrival-Date: Mon, 20 Jan 2025 10:10:09 +0100

        Final-Recipient: rfc822; {recipient}
        Original-Recipient: rfc822;{recipient}
        Action: {action}
        Status: {status}
        Diagnostic-Code: smtp; 550 5.1.1 <{recipient}>: Recipient address rejected: User unknown

        --NDR-BOUNDARY
        Content-Type: text/rfc822-headers

        From: Trygghetsuppföljning <trygghet@kommun.example>
        To: Johan Ek <{recipient}>
        Subject: Uppföljning 2025
        Message-ID: <{originalMessageId}>

        --NDR-BOUNDARY--

        """.Replace("\r\n", "\n").Replace("\n", "\r\n");

    static MimeMessage Load(string raw) => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(raw)));

    [Fact]
    public void A_Postfix_bounce_names_our_message_the_failed_recipient_and_the_servers_reason()
    {
        var bounce = Assert.Single(DeliveryReportParser.Parse(Load(PostfixBounce(Ours, "johan.ek@kommun.example"))));

        Assert.Equal(Ours, bounce.OriginalMessageId);
        Assert.Equal("johan.ek@kommun.example", bounce.Recipient);
        Assert.Contains("User unknown", bounce.Diagnostic, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bounce_that_returns_the_whole_message_is_matched_by_that_messages_id()
    {
        var original = new MimeMessage { MessageId = Ours, Subject = "Uppföljning 2025", Body = new TextPart("plain") { Text = "Hej" } };
        original.To.Add(new MailboxAddress("Johan Ek", "johan.ek@kommun.example"));
        var status = new MessageDeliveryStatus();
        var perMessage = new HeaderList { { "Reporting-MTA", "dns; exchange.kommun.example" } };
        var perRecipient = new HeaderList
        {
            { "Final-Recipient", "rfc822; johan.ek@kommun.example" },
            { "Action", "failed" },
            { "Status", "5.4.1" },
            { "Diagnostic-Code", "smtp; 550 5.4.1 Recipient address rejected: Access denied" },
        };
        status.StatusGroups.Add(perMessage);
        status.StatusGroups.Add(perRecipient);
        var report = new MultipartReport("delivery-status") { new TextPart("plain") { Text = "Delivery has failed." }, status, new MessagePart { Message = original } };
        var ndr = new MimeMessage { Subject = "Undeliverable: Uppföljning 2025", Body = report };
        ndr.From.Add(new MailboxAddress("Microsoft Outlook", "postmaster@kommun.example"));

        // Through bytes and back, as it arrives from IMAP.
        using var bytes = new MemoryStream();
        ndr.WriteTo(bytes);
        bytes.Position = 0;
        var bounce = Assert.Single(DeliveryReportParser.Parse(MimeMessage.Load(bytes)));

        Assert.Equal(Ours, bounce.OriginalMessageId);
        Assert.Contains("Access denied", bounce.Diagnostic, StringComparison.Ordinal);
    }

    [Fact]
    public void A_delay_notice_is_not_a_bounce()
    {
        Assert.Empty(DeliveryReportParser.Parse(Load(PostfixBounce(Ours, "johan.ek@kommun.example", action: "delayed", status: "4.4.7"))));
    }

    [Fact]
    public void A_persons_reply_to_our_mail_is_not_a_bounce()
    {
        var reply = new MimeMessage { Subject = "Sv: Uppföljning 2025", InReplyTo = Ours, Body = new TextPart("plain") { Text = "Jag är på semester." } };
        reply.From.Add(new MailboxAddress("Johan Ek", "johan.ek@kommun.example"));

        Assert.Empty(DeliveryReportParser.Parse(reply));
    }
}
