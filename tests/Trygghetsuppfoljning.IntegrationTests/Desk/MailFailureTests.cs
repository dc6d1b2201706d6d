using System.Text;
using MimeKit;
using Trygghetsuppfoljning.IntegrationTests.Forms;
using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Mail;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.IntegrationTests.Desk;

/// <summary>
/// Mail that does not arrive shows on the owner's row: a recipient the SMTP server refuses (550 at RCPT TO) at once,
/// a non-delivery report read later from the bounce mailbox by its Message-ID.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class MailFailureTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_recipient_the_smtp_server_refuses_is_recorded_on_the_owner_and_shown_on_the_cycle_page_at_once()
    {
        await using var s = await FormScenario.StartAsync(azurite);
        var owner = s.Agreement.Owners.Single(o => o.Id == "johan-ek");
        s.Smtp.RefusedRecipients[owner.Email] = true;
        var mail = s.Engine.Services.GetRequiredService<IMailSender>();
        var composer = s.Engine.Services.GetRequiredService<MailComposer>();

        // The owner's one address is refused for good: recorded, and the sending activity is not failed over it.
        await mail.SendAsync(composer.Invitation(s.Agreement, s.Cycle, owner, await s.LinkAsync(owner.Id), reminderNumber: 0));
        var others = s.Agreement.Owners.Single(o => o.Id == "anna-berg");
        await mail.SendAsync(composer.Invitation(s.Agreement, s.Cycle, others, await s.LinkAsync(others.Id), reminderNumber: 0));

        var events = await s.Engine.Services.GetRequiredService<MailEventRepository>().ListAsync(s.Agreement.Id, FormScenario.Year);
        var refused = Assert.Single(events, e => e.Outcome == MailOutcome.Refused);
        Assert.Equal(owner.Id, refused.OwnerId);
        Assert.Equal(owner.Email, refused.Recipients);
        Assert.StartsWith("550", refused.Detail, StringComparison.Ordinal);
        Assert.Contains(events, e => e.Outcome == MailOutcome.Sent && e.OwnerId == others.Id);
        Assert.DoesNotContain(s.Smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == owner.Email));

        var row = await OwnerRowAsync(s, owner.Id);
        Assert.Contains("Avvisad", row, StringComparison.Ordinal);
        Assert.Contains(owner.Email, row, StringComparison.Ordinal);
        Assert.DoesNotContain("Avvisad", await OwnerRowAsync(s, others.Id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mail_to_several_people_with_one_refused_still_fails_so_nobody_is_silently_left_out()
    {
        await using var s = await FormScenario.StartAsync(azurite);
        var first = s.Agreement.SteeringGroup[0];
        s.Smtp.RefusedRecipients[first.Email] = true;
        var aggregate = new CycleAggregate(s.Agreement.Id, FormScenario.Year, 1, 0, 1, 0, 0, new Dictionary<string, IReadOnlyDictionary<MeasureStatus, int>>(),
            new Dictionary<string, MeasureStatus>(), new Dictionary<string, TrafficLight>(), new Dictionary<string, decimal>(), []);
        var delivery = s.Engine.Services.GetRequiredService<MailComposer>().ReportDelivery(s.Agreement, s.Cycle, aggregate, "rapport.docx", [1, 2, 3]);

        await Assert.ThrowsAsync<MailKit.Net.Smtp.SmtpCommandException>(() => s.Engine.Services.GetRequiredService<IMailSender>().SendAsync(delivery));

        var events = await s.Engine.Services.GetRequiredService<MailEventRepository>().ListAsync(s.Agreement.Id, FormScenario.Year);
        Assert.Equal(first.Email, Assert.Single(events, e => e.Outcome == MailOutcome.Refused).Recipients);
    }

    [Fact]
    public async Task A_non_delivery_report_is_matched_to_the_owner_by_Message_ID_and_shown_while_one_about_other_mail_is_ignored()
    {
        await using var s = await FormScenario.StartAsync(azurite);
        var owner = s.Agreement.Owners.Single(o => o.Id == "johan-ek");
        await s.Engine.Services.GetRequiredService<IMailSender>().SendAsync(
            s.Engine.Services.GetRequiredService<MailComposer>().Invitation(s.Agreement, s.Cycle, owner, await s.LinkAsync(owner.Id), reminderNumber: 0));
        var sent = Assert.Single(s.Smtp.Messages);
        Assert.DoesNotContain("Studsade", await OwnerRowAsync(s, owner.Id), StringComparison.Ordinal);

        var recorder = s.Engine.Services.GetRequiredService<BounceRecorder>();
        Assert.Equal(0, await recorder.RecordAsync(Ndr("someone-elses-mail@example.org", owner.Email)));
        Assert.Equal(1, await recorder.RecordAsync(Ndr(sent.MessageId!, owner.Email)));

        var bounced = Assert.Single(
            await s.Engine.Services.GetRequiredService<MailEventRepository>().ListAsync(s.Agreement.Id, FormScenario.Year), e => e.Outcome == MailOutcome.Bounced);
        Assert.Equal(owner.Id, bounced.OwnerId);
        Assert.Contains("User unknown", bounced.Detail, StringComparison.Ordinal);
        Assert.Contains("Studsade", await OwnerRowAsync(s, owner.Id), StringComparison.Ordinal);
    }

    /// <summary>The owner's row of the cycle page, as a signed-in coordinator sees it.</summary>
    static async Task<string> OwnerRowAsync(FormScenario s, string ownerId)
    {
        using var desk = new DeskClient(s.Engine.BaseUrl);
        (await desk.SignInAsync(DeskClient.SignInLinkOf(s.Engine))).Dispose();
        var (status, html) = await desk.GetAsync($"/desk/cycles/{s.Agreement.Id}/{FormScenario.Year}");
        Assert.Equal(200, status);
        var start = html.IndexOf($"id=\"owner-{ownerId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row for {ownerId}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    /// <summary>A Postfix-style non-delivery report (RFC 3464) about the given Message-ID, as it sits in the bounce mailbox.</summary>
    static MimeMessage Ndr(string originalMessageId, string recipient) => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes($"""
        From: MAILER-DAEMON@mx.kommun.example (Mail Delivery System)
        To: trygghet@kommun.example
        Subject: Undelivered Mail Returned to Sender
        Message-ID: <{Guid.NewGuid():N}@mx.kommun.example>
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="B"

        --B
        Content-Type: text/plain

        Your message could not be delivered.

        --B
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.kommun.example

        Final-Recipient: rfc822; {recipient}
        Action: failed
        Status: 5.1.1
        Diagnostic-Code: smtp; 550 5.1.1 <{recipient}>: User unknown

        --B
        Content-Type: text/rfc822-headers

        Message-ID: <{originalMessageId}>
        Subject: Uppföljning

        --B--

        """.Replace("\r\n", "\n").Replace("\n", "\r\n"))));
}
