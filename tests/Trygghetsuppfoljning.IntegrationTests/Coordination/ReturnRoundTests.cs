using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.DurableTask.Client;
using MimeKit;
using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.Workflows.Coordination;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Orchestration;

namespace Trygghetsuppfoljning.IntegrationTests.Coordination;

/// <summary>
/// A returned report goes round again, on the real local engine: a cycle runs to delivery, the steering group returns
/// the report, the coordinator reopens one owner, who answers anew through the form while another owner's link stays
/// closed; closing the round delivers a revised report with the new answer; then an approval publishes.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class ReturnRoundTests(AzuriteFixture azurite)
{
    const int Year = 2025;
    const string Reopened = "anna-berg";
    const string Other = "maria-nilsson";

    [Fact]
    public async Task Returned_report_reopens_one_owner_whose_new_answer_reaches_the_revised_report_and_a_later_approval_publishes()
    {
        await using var smtp = new SmtpCapture();
        await using var engine = await TestEngine.StartAsync(azurite, smtp, TestEngine.NewPrefix());
        var agreement = await TestEngine.LoadDemoAgreementAsync(engine);
        using var api = new HttpClient { BaseAddress = new Uri(engine.BaseUrl.TrimEnd('/') + "/") };
        api.DefaultRequestHeaders.Add(CoordinatorOptions.HeaderName, "test-coordinator-key");
        var cycleApi = $"api/cycles/{agreement.Id}/{Year}";
        string EmailOf(string ownerId) => agreement.Owners.Single(o => o.Id == ownerId).Email;
        MimeMessage MailTo(string kind, string ownerId) => smtp.OfKind(kind).Single(m => m.To.Mailboxes.Single().Address == EmailOf(ownerId));

        // A cycle to delivery: two owners answer, the coordinator closes it.
        var starter = engine.Services.GetRequiredService<CycleStarter>();
        var (cycleInstance, _) = await starter.StartAsync(engine.Client, new AnnualCycleInput(agreement.Id, Year, DateTimeOffset.UtcNow.AddMinutes(10), [], TimeSpan.Zero, TimeSpan.Zero));
        await smtp.WaitForAsync(m => m.Count(x => x.Headers["X-Trygghet-Kind"] == "invitation") == agreement.AnsweringOwners().Count, TimeSpan.FromSeconds(60));
        using var form = new FormClient();
        var annaFirstLink = FormClient.LinkIn(MailTo("invitation", Reopened));
        var mariaLink = FormClient.LinkIn(MailTo("invitation", Other));
        Assert.Equal(200, (await form.PostAsync(annaFirstLink, Answers.For(agreement, Reopened, comment: "FORSTASVARET"))).Status);
        Assert.Equal(200, (await form.PostAsync(mariaLink, Answers.For(agreement, Other))).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"{cycleApi}/close", null)).StatusCode);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            Assert.Equal(OrchestrationRuntimeStatus.Completed, (await engine.Client.WaitForInstanceCompletionAsync(cycleInstance, false, timeout.Token)).RuntimeStatus);
        }

        var firstReport = ReportText(Assert.Single(smtp.OfKind("report-delivery")));
        Assert.Contains("FORSTASVARET", firstReport, StringComparison.Ordinal);
        Assert.DoesNotContain("Reviderad efter återremiss", firstReport, StringComparison.Ordinal);

        // Not returned yet: nothing reopens.
        var deadline = DateTimeOffset.UtcNow.AddMinutes(30);
        var notReturned = await api.PostAsJsonAsync($"{cycleApi}/reopen", new { ownerIds = new[] { Reopened }, deadlineUtc = deadline });
        Assert.Equal(HttpStatusCode.Conflict, notReturned.StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsJsonAsync($"{cycleApi}/decision", new { approved = false, date = Today(), note = "Komplettera ungdomsåtgärderna." })).StatusCode);
        var unknown = await api.PostAsJsonAsync($"{cycleApi}/reopen", new { ownerIds = new[] { Reopened, "finns-inte" }, deadlineUtc = deadline });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("finns-inte", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync($"{cycleApi}/reopen", new { ownerIds = new[] { Reopened }, deadlineUtc = DateTimeOffset.UtcNow.AddMinutes(-1) })).StatusCode);

        var reopened = await api.PostAsJsonAsync($"{cycleApi}/reopen", new { ownerIds = new[] { Reopened }, deadlineUtc = deadline });
        Assert.True(reopened.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, await reopened.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsJsonAsync($"{cycleApi}/reopen", new { ownerIds = new[] { Other }, deadlineUtc = deadline })).StatusCode);

        // Only the reopened owner is mailed, with a new link that opens the form showing the earlier answer.
        await smtp.WaitForAsync(m => m.Any(x => x.Headers["X-Trygghet-Kind"] == "return-round"), TimeSpan.FromSeconds(60));
        var roundMail = Assert.Single(smtp.OfKind("return-round"));
        Assert.Equal(EmailOf(Reopened), roundMail.To.Mailboxes.Single().Address);
        Assert.Contains("Komplettera ungdomsåtgärderna.", roundMail.HtmlBody, StringComparison.Ordinal);
        var annaNewLink = FormClient.LinkIn(roundMail);
        Assert.NotEqual(annaFirstLink, annaNewLink);
        var (annaStatus, annaPage) = await form.GetAsync(annaNewLink);
        Assert.Equal(200, annaStatus);
        Assert.Contains("name=\"__af\"", annaPage, StringComparison.Ordinal);
        Assert.Contains("FORSTASVARET", annaPage, StringComparison.Ordinal);

        var (_, mariaPage) = await form.GetAsync(mariaLink);
        Assert.Contains("Uppföljningen är avslutad", mariaPage, StringComparison.Ordinal);
        var (_, mariaPost) = await form.PostAsync(mariaLink, Answers.For(agreement, Other, comment: "FORBJUDET"), withAntiforgery: false);
        Assert.Contains("Uppföljningen är avslutad", mariaPost, StringComparison.Ordinal);

        Assert.Equal(200, (await form.PostAsync(annaNewLink, Answers.For(agreement, Reopened, comment: "ANDRASVARET"))).Status);

        // The steering group decides on the revised report, not while the forms are open.
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsJsonAsync($"{cycleApi}/decision", new { approved = true, date = Today(), note = (string?)null })).StatusCode);
        var closeRound = await api.PostAsync($"{cycleApi}/reopen/close", null);
        Assert.True(closeRound.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, await closeRound.Content.ReadAsStringAsync());
        await smtp.WaitForAsync(m => m.Count(x => x.Headers["X-Trygghet-Kind"] == "report-delivery") == 2, TimeSpan.FromSeconds(90));
        var revised = smtp.OfKind("report-delivery").Single(m => m.Subject?.StartsWith("Reviderad", StringComparison.Ordinal) == true);
        var revisedText = ReportText(revised);
        Assert.Contains("ANDRASVARET", revisedText, StringComparison.Ordinal);
        Assert.DoesNotContain("FORBJUDET", revisedText, StringComparison.Ordinal);
        Assert.Contains("Reviderad efter återremiss", revisedText, StringComparison.Ordinal);
        Assert.Contains("Uppföljningen är avslutad", (await form.GetAsync(annaNewLink)).Html, StringComparison.Ordinal);

        // The approval then publishes.
        Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsJsonAsync($"{cycleApi}/decision", new { approved = true, date = Today(), note = (string?)null })).StatusCode);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90)))
        {
            var approval = await engine.Client.WaitForInstanceCompletionAsync(CycleIds.ApprovalInstance(agreement.Id, Year), getInputsAndOutputs: true, timeout.Token);
            Assert.Equal(SteeringApprovalOutcome.Approved, approval.ReadOutputAs<SteeringApprovalResult>()!.Outcome);
        }

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"public/{agreement.Id}/{Year}")).StatusCode);
        var audit = await engine.Services.GetRequiredService<CoordinatorService>().AuditAsync(agreement.Id, Year);
        Assert.Contains(audit, e => e.Action == "reopen" && e.Result is 200 or 202 && e.Target!.Contains(Reopened, StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Action == "reopen" && e.Result == 409);
        Assert.Contains(audit, e => e.Action == "close-round" && e.Result is 200 or 202);
    }

    static string Today() => SwedishTime.DateOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    static string ReportText(MimeMessage delivery)
    {
        var attachment = Assert.Single(delivery.Attachments.OfType<MimePart>());
        using var docx = new MemoryStream();
        attachment.Content!.DecodeTo(docx);
        docx.Position = 0;
        using var document = WordprocessingDocument.Open(docx, false);
        return document.MainDocumentPart!.Document!.Body!.InnerText;
    }
}
