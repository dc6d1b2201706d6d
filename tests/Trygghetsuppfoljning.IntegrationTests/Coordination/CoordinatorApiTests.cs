using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.DurableTask.Client;
using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.IntegrationTests.Resilience;
using Trygghetsuppfoljning.Local;
using Trygghetsuppfoljning.Workflows.Coordination;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.IntegrationTests.Coordination;

/// <summary>The coordinator API over real HTTP on the local host, every operation, with and without the key.</summary>
[Collection(AzuriteTests.Name)]
public sealed class CoordinatorApiTests(AzuriteFixture azurite)
{
    const string Key = "test-coordinator-key";
    const int Year = 2025;

    [Fact]
    public async Task Every_operation_works_over_http_start_status_extend_resend_replace_close_report_and_import()
    {
        await using var smtp = new SmtpCapture();
        await using var engine = await TestEngine.StartAsync(azurite, smtp, TestEngine.NewPrefix());
        var agreement = await TestEngine.LoadDemoAgreementAsync(engine);
        using var api = new CoordinatorApi(engine.BaseUrl, Key);
        using var form = new FormClient();
        string LinkOf(string email, int index = 0) => FormClient.LinkIn(smtp.OfKind("invitation").Where(m => m.To.Mailboxes.Single().Address == email).ElementAt(index));
        Owner Owner(string id) => agreement.Owners.Single(o => o.Id == id);

        // Start, and a second start is refused and says why.
        using (var started = await api.StartAsync(agreement.Id, Year, DateTimeOffset.UtcNow.AddSeconds(90)))
        {
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        }

        using (var again = await api.StartAsync(agreement.Id, Year, null))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Contains("already exists", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await smtp.WaitForAsync(m => m.Count(x => x.Headers["X-Trygghet-Kind"] == "invitation") == 6, TimeSpan.FromSeconds(30));

        // Status per owner, with times: one submits, one saves a draft, the rest are invited.
        Assert.Equal(200, (await form.PostAsync(LinkOf(Owner("anna-berg").Email), Answers.For(agreement, "anna-berg"))).Status);
        Assert.Equal(200, (await form.PostAsync(LinkOf(Owner("johan-ek").Email), Answers.For(agreement, "johan-ek", action: Workflows.Forms.FormFields.ActionDraft))).Status);
        var status = await StatusAsync(api, agreement.Id);
        Assert.Equal(CycleState.Open, status.State);
        Assert.Equal(OwnerProgressState.Submitted, status.Owners.Single(o => o.OwnerId == "anna-berg").State);
        Assert.NotNull(status.Owners.Single(o => o.OwnerId == "anna-berg").SubmittedUtc);
        Assert.Equal(OwnerProgressState.Draft, status.Owners.Single(o => o.OwnerId == "johan-ek").State);
        Assert.All(status.Owners, o => Assert.NotNull(o.InvitedUtc));

        // Extend: later takes effect at once (the cycle row holds it when the call returns); earlier is refused.
        var newDeadline = status.DeadlineUtc!.Value.AddSeconds(30);
        using (var extended = await api.Http.PostAsJsonAsync($"api/cycles/{agreement.Id}/{Year}/extend", new { deadlineUtc = newDeadline }))
        {
            Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        }

        Assert.Equal(newDeadline, (await StatusAsync(api, agreement.Id)).DeadlineUtc);

        using (var earlier = await api.Http.PostAsJsonAsync($"api/cycles/{agreement.Id}/{Year}/extend", new { deadlineUtc = DateTimeOffset.UtcNow.AddSeconds(5) }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, earlier.StatusCode);
        }


        // Resend: a new link works, the old one is dead.
        var maria = Owner("maria-nilsson");
        var oldLink = LinkOf(maria.Email);
        using (var resent = await api.Http.PostAsync($"api/cycles/{agreement.Id}/{Year}/owners/{maria.Id}/resend", null))
        {
            Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        }

        Assert.Equal(404, (await form.GetAsync(oldLink)).Status);
        Assert.Equal(200, (await form.GetAsync(LinkOf(maria.Email, 1))).Status);

        // Erik answers, then is replaced mid-cycle: Nora gets his measures and an invitation, Erik's link dies, his answer stays.
        var erikLink = LinkOf(Owner("erik-dahl").Email);
        Assert.Equal(200, (await form.PostAsync(erikLink, Answers.For(agreement, "erik-dahl", comment: "Erik hann svara."))).Status);
        var nora = Workflows.Domain.OwnerIds.FromEmail("nora.ny@hoganas.example");
        using (var replaced = await api.Http.PostAsJsonAsync(
            $"api/cycles/{agreement.Id}/{Year}/owners/erik-dahl/replace", new { name = "Nora Ny", email = "nora.ny@hoganas.example", organisation = "Kommun" }))
        {
            Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        }

        Assert.Equal(404, (await form.GetAsync(erikLink)).Status);
        await smtp.WaitForAsync(m => m.Any(x => x.Headers["X-Trygghet-Kind"] == "invitation" && x.To.Mailboxes.Single().Address == "nora.ny@hoganas.example"), TimeSpan.FromSeconds(30));
        var updated = await engine.Services.GetRequiredService<AgreementRepository>().GetAsync(agreement.Id);
        Assert.Equal(agreement.MeasuresOf("erik-dahl").Select(m => m.Id), updated.MeasuresOf(nora).Select(m => m.Id));
        Assert.DoesNotContain(updated.Owners, o => o.Id == "erik-dahl");
        Assert.Equal(200, (await form.PostAsync(LinkOf("nora.ny@hoganas.example"), Answers.For(updated, nora, comment: "Nora tog över."))).Status);
        status = await StatusAsync(api, agreement.Id);
        Assert.Contains(status.Owners, o => o.OwnerId == nora && o.State == OwnerProgressState.Submitted);
        Assert.Contains(status.Owners, o => o.OwnerId == "erik-dahl" && o.RosterState == RosterOwnerState.Replaced && o.ReplacedBy == nora);

        // Close early: the cycle closes now (200 once closed; 202 if it took longer than the call waits), not at the deadline; closing again is refused.
        using (var closed = await api.CloseAsync(agreement.Id, Year))
        {
            Assert.True(closed.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"close answered {closed.StatusCode}");
        }

        await api.WaitForRuntimeStatusAsync(agreement.Id, Year, "Completed", TimeSpan.FromSeconds(90));
        status = await StatusAsync(api, agreement.Id);
        Assert.Equal(CycleState.Closed, status.State);
        Assert.True(status.ClosedUtc < newDeadline);
        using (var closedAgain = await api.CloseAsync(agreement.Id, Year))
        {
            Assert.Equal(HttpStatusCode.Conflict, closedAgain.StatusCode);
        }

        // Report: the archived one, and a regenerated one, both naming the new owner and her answer — and keeping Erik's, marked.
        var report = CoordinatorApi.TextOf(await api.ReportAsync(agreement.Id, Year));
        Assert.Contains("Nora Ny", report, StringComparison.Ordinal);
        Assert.Contains("Nora tog över.", report, StringComparison.Ordinal);
        Assert.Contains("Erik hann svara.", report, StringComparison.Ordinal);
        Assert.Contains("Tidigare svar från Erik Dahl (ersatt ansvarig)", report, StringComparison.Ordinal);
        var english = CoordinatorApi.TextOf(await api.ReportAsync(agreement.Id, Year, regenerate: true, language: "en"));
        Assert.Contains("Erik hann svara.", english, StringComparison.Ordinal);
        Assert.Equal(report, CoordinatorApi.TextOf(await api.ReportAsync(agreement.Id, Year, regenerate: true)));

        // Import: an invalid file is refused line by line and stores nothing; the valid one is stored.
        var demoJson = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Templates, "demo", "hoganas.json"));
        var broken = demoJson.Replace("\"id\": \"hoganas\"", "\"id\": \"importerad\"", StringComparison.Ordinal).Replace("anna.berg@hoganas.example", "anna.berg", StringComparison.Ordinal);
        using (var refused = await api.Http.PostAsync("api/agreements", new StringContent(broken, Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Matches("Rad \\d+: E-post 'anna.berg'", await refused.Content.ReadAsStringAsync());
        }

        Assert.Null(await engine.Services.GetRequiredService<AgreementRepository>().FindAsync("importerad"));
        var valid = demoJson.Replace("\"id\": \"hoganas\"", "\"id\": \"importerad\"", StringComparison.Ordinal);
        using (var imported = await api.Http.PostAsync("api/agreements", new StringContent(valid, Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }

        Assert.NotNull(await engine.Services.GetRequiredService<AgreementRepository>().FindAsync("importerad"));
    }

    [Fact]
    public async Task Calls_without_or_with_a_wrong_key_get_401_and_change_nothing()
    {
        await using var smtp = new SmtpCapture();

        // A reminder at the deadline is no reminder: only the six invitations go out while the test looks on.
        await using var engine = await TestEngine.StartAsync(azurite, smtp, TestEngine.NewPrefix(), new Dictionary<string, string?> { ["Schedule:RemindersBeforeDeadline:0"] = "00:00:00" });
        var agreement = await TestEngine.LoadDemoAgreementAsync(engine);
        using var api = new CoordinatorApi(engine.BaseUrl, Key);
        var deadline = DateTimeOffset.UtcNow.AddMinutes(10);
        using (var started = await api.StartAsync(agreement.Id, Year, deadline))
        {
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        }

        await smtp.WaitForAsync(m => m.Count == 6, TimeSpan.FromSeconds(30));
        var before = await StatusAsync(api, agreement.Id);
        var link = FormClient.LinkIn(smtp.Messages.First(m => m.To.Mailboxes.Single().Address == agreement.Owners.Single(o => o.Id == "anna-berg").Email));
        var importJson = (await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Templates, "demo", "hoganas.json")))
            .Replace("\"id\": \"hoganas\"", "\"id\": \"obehorig\"", StringComparison.Ordinal);

        foreach (var key in new[] { null, "wrong-key" })
        {
            using var intruder = new CoordinatorApi(engine.BaseUrl, key);
            var calls = new Func<Task<HttpResponseMessage>>[]
            {
                () => intruder.StartAsync(agreement.Id, 2024, null),
                () => intruder.Http.GetAsync($"api/cycles/{agreement.Id}/{Year}"),
                () => intruder.Http.PostAsJsonAsync($"api/cycles/{agreement.Id}/{Year}/extend", new { deadlineUtc = deadline.AddDays(1) }),
                () => intruder.CloseAsync(agreement.Id, Year),
                () => intruder.Http.PostAsync($"api/cycles/{agreement.Id}/{Year}/owners/anna-berg/resend", null),
                () => intruder.Http.PostAsJsonAsync($"api/cycles/{agreement.Id}/{Year}/owners/anna-berg/replace", new { name = "Inkräktare", email = "x@example.com", organisation = "Kommun" }),
                () => intruder.Http.GetAsync($"api/cycles/{agreement.Id}/{Year}/report?regenerate=true"),
                () => intruder.Http.PostAsync("api/agreements", new StringContent(importJson, Encoding.UTF8, "application/json")),
                () => intruder.Http.PostAsync("api/retention/purge", null),
            };
            foreach (var call in calls)
            {
                using var response = await call();
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            }
        }

        await Task.Delay(2000);
        var after = await StatusAsync(api, agreement.Id);
        Assert.Equal(before.DeadlineUtc, after.DeadlineUtc);
        Assert.Equal(CycleState.Open, after.State);
        Assert.Equal(before.Owners.Select(o => (o.OwnerId, o.State)), after.Owners.Select(o => (o.OwnerId, o.State)));
        Assert.Equal(200, (await new FormClient().GetAsync(link)).Status);
        Assert.Equal(6, smtp.Messages.Count);
        Assert.Null(await engine.Client.GetInstanceAsync(Workflows.Domain.CycleIds.CycleInstance(agreement.Id, 2024)));
        Assert.Null(await engine.Services.GetRequiredService<AgreementRepository>().FindAsync("obehorig"));
        Assert.Null((await engine.Services.GetRequiredService<CycleRepository>().GetAsync(agreement.Id, Year)).ReportBlobName);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await engine.Client.GetInstanceAsync(Workflows.Domain.CycleIds.CycleInstance(agreement.Id, Year)))!.RuntimeStatus);
    }

    static async Task<CycleStatus> StatusAsync(CoordinatorApi api, string agreementId)
    {
        using var response = await api.Http.GetAsync($"api/cycles/{agreementId}/{Year}");
        response.EnsureSuccessStatusCode();
        return DomainJson.Deserialize<CycleStatus>(await response.Content.ReadAsStringAsync());
    }
}
