using Microsoft.Extensions.Options;
using MimeKit;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Mail;
using Trygghetsuppfoljning.Workflows.Templates;

namespace Trygghetsuppfoljning.Tests.Mail;

public sealed class MailComposerTests
{
    static readonly TemplateLoader Templates = new("templates");
    readonly MailComposer composer = new(new TemplateRenderer(Templates, new TextCatalog(Templates)), Options.Create(new MailOptions()));
    readonly Agreement agreement = TestAgreements.Small();
    readonly Cycle cycle = new("testkommun", 2025, DateTimeOffset.UnixEpoch, new DateTimeOffset(2026, 2, 15, 22, 59, 0, TimeSpan.Zero), CycleState.Open);

    [Fact]
    public void Invitation_carries_the_personal_link_the_deadline_in_swedish_time_and_the_owners_measures()
    {
        var owner = agreement.Owners[1];

        var message = composer.Invitation(agreement, cycle, owner, "https://trygghet.example/forms/abc", reminderNumber: 0);

        Assert.Equal(owner.Email, message.To.Mailboxes.Single().Address);
        Assert.Equal("invitation", message.Headers["X-Trygghet-Kind"]);
        Assert.Contains("https://trygghet.example/forms/abc", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("15 februari 2026 kl. 23:59", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Åtgärd 2", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Åtgärd 3", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Åtgärd 1", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Receipt_copies_every_answer_and_html_encodes_what_the_owner_typed()
    {
        var owner = agreement.Owners[0] with { Language = "en" };
        var response = new OwnerResponse(cycle.Id, owner.Id, 3, ResponseKind.Submitted, cycle.DeadlineUtc, [
            new MeasureAnswer("m1", MeasureStatus.Delayed, TrafficLight.Red, "<script>alert('x')</script> & 👮", new Dictionary<string, decimal?> { ["i1"] = 12.5m }, "Next"),
        ]);

        var message = composer.Receipt(agreement, cycle, owner, response);

        Assert.StartsWith("Receipt", message.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<script>alert('x')</script> & 👮", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Delayed", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("12.5", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pickup_folder_sender_writes_a_message_a_mail_client_opens()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"pickup-{Guid.NewGuid():N}");
        var sender = new PickupFolderMailSender(Options.Create(new MailOptions { PickupDirectory = folder }));
        var sent = composer.DeadlineNotice(agreement, cycle, [agreement.Owners[2]], []);

        await sender.SendAsync(sent);

        var file = Assert.Single(Directory.GetFiles(folder, "*.eml"));
        var read = await MimeMessage.LoadAsync(file);
        Assert.Equal(sent.Subject, read.Subject);
        Assert.Equal(agreement.Coordinator.Email, read.To.Mailboxes.Single().Address);
        Assert.Contains("Ägare Tre", read.HtmlBody, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void A_resent_link_is_a_new_message_and_a_retried_invitation_is_the_same_one()
    {
        var owner = agreement.Owners[1];

        var first = composer.Invitation(agreement, cycle, owner, "https://trygghet.example/forms/a", reminderNumber: 0);
        var retried = composer.Invitation(agreement, cycle, owner, "https://trygghet.example/forms/a", reminderNumber: 0);
        var resent = composer.Invitation(agreement, cycle, owner, "https://trygghet.example/forms/b", reminderNumber: 0, sendId: "r1");
        var resentAgain = composer.Invitation(agreement, cycle, owner, "https://trygghet.example/forms/c", reminderNumber: 0, sendId: "r2");

        Assert.Equal(first.MessageId, retried.MessageId);
        Assert.Equal(3, new[] { first.MessageId, resent.MessageId, resentAgain.MessageId }.Distinct().Count());
    }

    [Fact]
    public void Html_receipt_keeps_the_owners_line_breaks()
    {
        var owner = agreement.Owners[0];
        var response = new OwnerResponse(cycle.Id, owner.Id, 1, ResponseKind.Submitted, cycle.DeadlineUtc, [
            new MeasureAnswer("m1", MeasureStatus.Delayed, TrafficLight.Red, "Första stycket.\nAndra <stycket>.", new Dictionary<string, decimal?>(), "Steg 1\r\nSteg 2"),
        ]);

        var message = composer.Receipt(agreement, cycle, owner, response);

        Assert.Contains("Första stycket.<br>Andra &lt;stycket&gt;.", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Steg 1<br>Steg 2", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Första stycket.\nAndra <stycket>.", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Deadline_notice_counts_reminders_without_gang_er()
    {
        var owners = agreement.Owners.Take(2).ToList();
        var progress = new List<OwnerProgress>
        {
            new(cycle.Id, owners[0].Id, null, 1, null, null, null, true),
            new(cycle.Id, owners[1].Id, null, 3, null, null, null, true),
        };

        var message = composer.DeadlineNotice(agreement, cycle, owners, progress);

        Assert.Contains("påmind en gång", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("påmind 3 gånger", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("gång(er)", message.HtmlBody, StringComparison.Ordinal);
    }
}
