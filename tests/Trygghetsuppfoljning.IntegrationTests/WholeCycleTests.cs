using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.DurableTask.Client;
using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Orchestration;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.IntegrationTests;

[Collection(AzuriteTests.Name)]
public sealed class WholeCycleTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Whole_cycle_through_http_stores_answers_mails_everyone_and_delivers_a_report_naming_the_missing_owner()
    {
        await using var smtp = new SmtpCapture();
        var prefix = TestEngine.NewPrefix();
        await using var engine = await TestEngine.StartAsync(azurite, smtp, prefix);
        var agreement = await TestEngine.LoadDemoAgreementAsync(engine);
        var starter = engine.Services.GetRequiredService<CycleStarter>();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(25);
        var input = new AnnualCycleInput(agreement.Id, 2025, deadline, [TimeSpan.FromSeconds(12)], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));

        var (instanceId, started) = await starter.StartAsync(engine.Client, input);
        var (_, startedAgain) = await starter.StartAsync(engine.Client, input);
        Assert.True(started);
        Assert.False(startedAgain);

        var mails = await smtp.WaitForAsync(m => m.Count(x => x.Headers["X-Trygghet-Kind"] == "invitation") == 6, TimeSpan.FromSeconds(30));
        string LinkOf(string ownerId) => FormClient.LinkIn(smtp.OfKind("invitation").Single(m => m.To.Mailboxes.Single().Address == agreement.Owners.Single(o => o.Id == ownerId).Email));

        using var form = new FormClient();

        // A submission missing the required comment for a red light is refused with a message, nothing stored.
        var (badStatus, badHtml) = await form.PostAsync(LinkOf("karin-sjoberg"), Answers.For(agreement, "karin-sjoberg", light: TrafficLight.Red));
        Assert.Equal(400, badStatus);
        Assert.Contains("Skriv en kommentar", badHtml, StringComparison.Ordinal);

        foreach (var owner in new[] { "anna-berg", "maria-nilsson", "johan-ek" })
        {
            var (status, _) = await form.PostAsync(LinkOf(owner), Answers.For(agreement, owner));
            Assert.Equal(200, status);
        }

        var (karinStatus, _) = await form.PostAsync(
            LinkOf("karin-sjoberg"), Answers.For(agreement, "karin-sjoberg", status: MeasureStatus.Delayed, light: TrafficLight.Red, comment: "Upphandlingen överklagades."));
        Assert.Equal(200, karinStatus);

        // Lars answers only after his reminder; Erik never answers.
        var lars = agreement.Owners.Single(o => o.Id == "lars-holm");
        await smtp.WaitForAsync(m => m.Any(x => x.Headers["X-Trygghet-Kind"] == "reminder" && x.To.Mailboxes.Single().Address == lars.Email), TimeSpan.FromSeconds(40));
        var reminderLink = FormClient.LinkIn(smtp.OfKind("reminder").Single(m => m.To.Mailboxes.Single().Address == lars.Email));
        var (larsStatus, _) = await form.PostAsync(reminderLink, Answers.For(agreement, "lars-holm"));
        Assert.Equal(200, larsStatus);

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var state = await engine.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        var result = state.ReadOutputAs<AnnualCycleResult>()!;
        Assert.Equal((6, 5), (result.OwnersTotal, result.OwnersAnswered));
        var progress = await engine.Services.GetRequiredService<OwnerProgressRepository>().ListAsync(CycleIds.For(agreement.Id, 2025));
        Assert.Equal(["erik-dahl"], progress.Where(p => p.ReportedMissing).Select(p => p.OwnerId));

        // Stored answers: the latest submitted revision of each of the five who answered.
        var stored = await engine.Services.GetRequiredService<ResponseRepository>().LatestSubmittedAsync(CycleIds.For(agreement.Id, 2025));
        Assert.Equal(["anna-berg", "johan-ek", "karin-sjoberg", "lars-holm", "maria-nilsson"], stored.Select(r => r.OwnerId));
        Assert.Contains(stored.Single(r => r.OwnerId == "karin-sjoberg").Answers, a => a.Light == TrafficLight.Red && a.Comment == "Upphandlingen överklagades.");

        // Mail: reminders only to those who had not answered, a receipt per submission, the coordinator told who is missing.
        await smtp.WaitForAsync(m => m.Any(x => x.Headers["X-Trygghet-Kind"] == "report-delivery"), TimeSpan.FromSeconds(30));
        Assert.Equal(["erik.dahl@hoganas.example", "lars.holm@polisen.example"], smtp.OfKind("reminder").Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.Equal(5, smtp.OfKind("receipt").Count);
        var notice = Assert.Single(smtp.OfKind("deadline-notice"));
        Assert.Contains("Erik Dahl", notice.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Lars Holm", notice.HtmlBody, StringComparison.Ordinal);
        var delivery = Assert.Single(smtp.OfKind("report-delivery"));
        Assert.Equal(agreement.SteeringGroup.Select(r => r.Email).Order(), delivery.To.Mailboxes.Select(m => m.Address).Order());

        // The attached report validates and says what happened.
        var attachment = Assert.Single(delivery.Attachments.OfType<MimeKit.MimePart>());
        Assert.NotNull(attachment.Content);
        using var docx = new MemoryStream();
        await attachment.Content.DecodeToAsync(docx);
        docx.Position = 0;
        using var document = WordprocessingDocument.Open(docx, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.All(agreement.FocusAreas, area => Assert.Contains(area.Title, text, StringComparison.Ordinal));
        Assert.All(agreement.Measures, measure => Assert.Contains(measure.Title, text, StringComparison.Ordinal));
        Assert.Contains("Erik Dahl", text, StringComparison.Ordinal);

        // Archived under agreement/year with a stable name; regenerating the closed cycle's report gives the same document.
        Assert.Equal("hoganas/2025/trygghetsuppfoljning-hoganas-2025.docx", result.ReportBlobName);
        var regenerated = await engine.Services.GetRequiredService<Workflows.Reports.ReportService>().GenerateAndArchiveAsync(agreement.Id, 2025);
        Assert.Equal(result.ReportBlobName, regenerated);
        Assert.Equal(docx.ToArray(), await engine.Services.GetRequiredService<ReportArchive>().ReadAsync(regenerated));
    }
}
