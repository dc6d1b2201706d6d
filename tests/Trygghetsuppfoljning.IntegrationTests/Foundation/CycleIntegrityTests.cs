using System.Text;
using Microsoft.DurableTask.Client;
using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.Local;
using Trygghetsuppfoljning.Local.Engine;
using Trygghetsuppfoljning.Workflows.Coordination;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Mail;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.IntegrationTests.Foundation;

/// <summary>A cycle keeps what it was given, and every coordinator action takes effect or says why not (issue: trust).</summary>
[Collection(AzuriteTests.Name)]
public sealed class CycleIntegrityTests(AzuriteFixture azurite)
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    sealed record World(SmtpCapture Smtp, LocalEngine Engine, Agreement Agreement, CoordinatorService Coordinator) : IAsyncDisposable
    {
        public string LinkOf(string email, int year) => FormClient.LinkIn(Smtp.Messages
            .Where(m => m.Headers["X-Trygghet-Kind"] == "invitation" && m.To.Mailboxes.Single().Address == email && (m.TextBody ?? string.Empty).Contains(year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
            .Last());

        public async ValueTask DisposeAsync()
        {
            await Engine.DisposeAsync();
            await Smtp.DisposeAsync();
        }
    }

    async Task<World> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var smtp = new SmtpCapture();
        var engine = await TestEngine.StartAsync(azurite, smtp, TestEngine.NewPrefix(), settings);
        var agreement = await TestEngine.LoadDemoAgreementAsync(engine);
        return new World(smtp, engine, agreement, engine.Services.GetRequiredService<CoordinatorService>());
    }

    [Fact]
    public async Task Replacing_an_owner_in_one_years_cycle_leaves_their_links_in_another_open_year_working()
    {
        await using var w = await StartAsync();
        var erik = w.Agreement.Owners.Single(o => o.Id == "erik-dahl");
        Assert.Equal(202, (await w.Coordinator.StartAsync(w.Engine.Client, w.Agreement.Id, 2024, DateTimeOffset.UtcNow.AddDays(5), "test")).StatusCode);
        Assert.Equal(202, (await w.Coordinator.StartAsync(w.Engine.Client, w.Agreement.Id, 2025, DateTimeOffset.UtcNow.AddDays(5), "test")).StatusCode);
        await w.Smtp.WaitForAsync(m => m.Count(x => x.Headers["X-Trygghet-Kind"] == "invitation") == 12, Patience);
        var link2024 = w.LinkOf(erik.Email, 2024);
        var link2025 = w.LinkOf(erik.Email, 2025);

        var replaced = await w.Coordinator.ReplaceOwnerAsync(w.Engine.Client, w.Agreement.Id, 2025, erik.Id, new ReplacementOwner("Nora Ny", "nora.ny@hoganas.example", Organisation.Kommun), "test");

        Assert.Equal(200, replaced.StatusCode);
        using var form = new FormClient();
        Assert.Equal(404, (await form.GetAsync(link2025)).Status);
        var (status2024, html2024) = await form.GetAsync(link2024);
        Assert.Equal(200, status2024);
        Assert.All(w.Agreement.MeasuresOf(erik.Id), m => Assert.Contains(m.Title, System.Net.WebUtility.HtmlDecode(html2024), StringComparison.Ordinal));
        var roster2024 = await w.Engine.Services.GetRequiredService<CycleRosterRepository>().FindOwnerAsync(CycleIds.For(w.Agreement.Id, 2024), erik.Id);
        Assert.Equal(RosterOwnerState.Active, roster2024!.State);

        // The action is in the audit log, with who did it and what came of it.
        var audit = await w.Coordinator.AuditAsync(w.Agreement.Id, 2025);
        Assert.Contains(audit, e => e.Action == "replace" && e.Target == erik.Id && e.Result == 200 && e.Actor == "test");
    }

    [Fact]
    public async Task Extension_and_replacement_in_the_grace_period_take_effect()
    {
        await using var w = await StartAsync(new Dictionary<string, string?> { ["Schedule:GracePeriod"] = "00:10:00", ["Schedule:RemindersBeforeDeadline:0"] = "00:00:00" });
        Assert.Equal(202, (await w.Coordinator.StartAsync(w.Engine.Client, w.Agreement.Id, 2025, DateTimeOffset.UtcNow.AddSeconds(15), "test")).StatusCode);
        await w.Smtp.WaitForAsync(m => m.Count(x => x.Headers["X-Trygghet-Kind"] == "invitation") == 6, Patience);
        using var form = new FormClient();
        var anna = w.Agreement.Owners.Single(o => o.Id == "anna-berg");
        Assert.Equal(200, (await form.PostAsync(w.LinkOf(anna.Email, 2025), Answers.For(w.Agreement, anna.Id))).Status);

        // The deadline passes: the coordinator hears who is missing. The cycle is in its grace period.
        await w.Smtp.WaitForAsync(m => m.Any(x => x.Headers["X-Trygghet-Kind"] == "deadline-notice"), Patience);

        var newDeadline = DateTimeOffset.UtcNow.AddDays(3);
        var extended = await w.Coordinator.ExtendAsync(w.Engine.Client, w.Agreement.Id, 2025, newDeadline, "test");
        Assert.Equal(200, extended.StatusCode);
        Assert.Equal(newDeadline, (await w.Engine.Services.GetRequiredService<CycleRepository>().GetAsync(w.Agreement.Id, 2025)).DeadlineUtc);

        // The five who had not answered are told the new deadline at once; Anna, who had, is not.
        try
        {
            await w.Smtp.WaitForAsync(m => m.Count(x => x.Headers["X-Trygghet-Kind"] == "reminder") == 5, Patience);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + " | " + await WhereTheInstancesStandAsync(w), e);
        }

        var told = w.Smtp.OfKind("reminder");
        Assert.DoesNotContain(told, m => m.To.Mailboxes.Single().Address == anna.Email);
        var deadlineText = MailComposer.FormatTime(newDeadline, "sv");
        Assert.All(told, m => Assert.Contains(deadlineText, System.Net.WebUtility.HtmlDecode(m.HtmlBody ?? m.TextBody ?? string.Empty), StringComparison.Ordinal));
        Assert.Equal(400, (await w.Coordinator.ExtendAsync(w.Engine.Client, w.Agreement.Id, 2025, newDeadline.AddSeconds(-1), "test")).StatusCode);

        var replaced = await w.Coordinator.ReplaceOwnerAsync(
            w.Engine.Client, w.Agreement.Id, 2025, "erik-dahl", new ReplacementOwner("Nora Ny", "nora.ny@hoganas.example", Organisation.Kommun), "test");
        Assert.Equal(200, replaced.StatusCode);
        await w.Smtp.WaitForAsync(m => m.Any(x => x.Headers["X-Trygghet-Kind"] == "invitation" && x.To.Mailboxes.Single().Address == "nora.ny@hoganas.example"), Patience);

        var closed = await w.Coordinator.CloseAsync(w.Engine.Client, w.Agreement.Id, 2025, "test");
        Assert.True(closed.StatusCode is 200 or 202, closed.Message);
        Assert.Equal(409, (await w.Coordinator.ExtendAsync(w.Engine.Client, w.Agreement.Id, 2025, newDeadline.AddDays(1), "test")).StatusCode);
    }

    /// <summary>Progress rows and each instance's stored history: where the cycle and every owner stand when a mail is missing.</summary>
    async Task<string> WhereTheInstancesStandAsync(World w)
    {
        var rows = await w.Engine.Services.GetRequiredService<OwnerProgressRepository>().ListAsync(CycleIds.For(w.Agreement.Id, 2025));
        var hub = w.Engine.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Local:TaskHubName"];
        var history = new Azure.Data.Tables.TableClient(azurite.ConnectionString, hub + "History");
        var instances = new List<string>();
        foreach (var id in w.Agreement.Owners.Select(o => CycleIds.OwnerInstance(w.Agreement.Id, 2025, o.Id)).Prepend(CycleIds.CycleInstance(w.Agreement.Id, 2025)))
        {
            var state = await w.Engine.Client.GetInstanceAsync(id);
            var events = new List<string>();
            await foreach (var h in history.QueryAsync<Azure.Data.Tables.TableEntity>(x => x.PartitionKey == id))
            {
                events.Add($"{h.GetString("EventType")}{(h.GetString("Name") is { Length: > 0 } n ? ":" + n : string.Empty)}@{h.GetDateTimeOffset("Timestamp"):HH:mm:ss.fff}");
            }

            instances.Add($"{id} {state?.RuntimeStatus} {state?.FailureDetails?.ErrorMessage}: {string.Join(" ", events)}");
        }

        return "progress: " + string.Join("; ", rows.Select(r => $"{r.OwnerId} rem={r.RemindersSent} missing={r.ReportedMissing}")) + " | instances: " + string.Join(" || ", instances);
    }

    [Fact]
    public async Task A_terminated_cycle_shows_so_refuses_changes_and_resumes_without_losing_answers_or_inviting_twice()
    {
        await using var w = await StartAsync();
        var id = CycleIds.CycleInstance(w.Agreement.Id, 2025);
        Assert.Equal(202, (await w.Coordinator.StartAsync(w.Engine.Client, w.Agreement.Id, 2025, DateTimeOffset.UtcNow.AddDays(5), "test")).StatusCode);
        await w.Smtp.WaitForAsync(m => m.Count(x => x.Headers["X-Trygghet-Kind"] == "invitation") == 6, Patience);
        using var form = new FormClient();
        var anna = w.Agreement.Owners.Single(o => o.Id == "anna-berg");
        Assert.Equal(200, (await form.PostAsync(w.LinkOf(anna.Email, 2025), Answers.For(w.Agreement, anna.Id, comment: "Före avbrottet."))).Status);

        // The orchestration dies (an outage past its retries ends the same way: Failed instead of Terminated).
        await w.Engine.Client.TerminateInstanceAsync(id, "test outage");
        using (var wait = new CancellationTokenSource(Patience))
        {
            await w.Engine.Client.WaitForInstanceCompletionAsync(id, wait.Token);
        }

        var status = await w.Coordinator.StatusAsync(w.Engine.Client, w.Agreement.Id, 2025);
        Assert.Equal("Terminated", status!.RuntimeStatus);
        var refused = await w.Coordinator.ExtendAsync(w.Engine.Client, w.Agreement.Id, 2025, DateTimeOffset.UtcNow.AddDays(9), "test");
        Assert.Equal(409, refused.StatusCode);
        Assert.Contains("resume", refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(409, (await w.Coordinator.StartAsync(w.Engine.Client, w.Agreement.Id, 2025, null, "test")).StatusCode);

        var resumed = await w.Coordinator.ResumeAsync(w.Engine.Client, w.Agreement.Id, 2025, "test");
        Assert.Equal(200, resumed.StatusCode);
        using (var wait = new CancellationTokenSource(Patience))
        {
            Assert.Equal(OrchestrationRuntimeStatus.Running, (await w.Engine.Client.WaitForInstanceStartAsync(id, wait.Token)).RuntimeStatus);
        }

        var closing = await w.Coordinator.CloseAsync(w.Engine.Client, w.Agreement.Id, 2025, "test");
        Assert.True(closing.StatusCode is 200 or 202, closing.Message);
        using (var wait = new CancellationTokenSource(Patience))
        {
            Assert.Equal(OrchestrationRuntimeStatus.Completed, (await w.Engine.Client.WaitForInstanceCompletionAsync(id, wait.Token)).RuntimeStatus);
        }

        Assert.Equal(6, w.Smtp.OfKind("invitation").Count);
        var report = await w.Coordinator.ReportAsync(w.Agreement.Id, 2025, regenerate: false, "sv");
        Assert.Contains("Före avbrottet.", Resilience.CoordinatorApi.TextOf(report!.Value.Bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reimport_that_would_give_an_owner_id_to_another_person_while_a_cycle_is_open_is_refused()
    {
        await using var w = await StartAsync();
        Assert.Equal(202, (await w.Coordinator.StartAsync(w.Engine.Client, w.Agreement.Id, 2025, DateTimeOffset.UtcNow.AddDays(5), "test")).StatusCode);
        await w.Smtp.WaitForAsync(m => m.Count(x => x.Headers["X-Trygghet-Kind"] == "invitation") == 6, Patience);
        var json = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Templates, "demo", "hoganas.json"));

        // The same id, another person's address: refused, and nothing stored.
        var swapped = json.Replace("anna.berg@hoganas.example", "annika.bergstrom@hoganas.example", StringComparison.Ordinal);
        var refused = await w.Coordinator.ImportAgreementAsync(Encoding.UTF8.GetBytes(swapped), "test");
        Assert.Equal(409, refused.StatusCode);
        Assert.Contains("anna-berg", DomainJson.Serialize(refused.Body), StringComparison.Ordinal);
        Assert.Equal("anna.berg@hoganas.example", (await w.Engine.Services.GetRequiredService<AgreementRepository>().GetAsync(w.Agreement.Id)).Owners.Single(o => o.Id == "anna-berg").Email);

        // The same roster again is fine; a file past the import cap is refused before it is parsed.
        Assert.Equal(200, (await w.Coordinator.ImportAgreementAsync(Encoding.UTF8.GetBytes(json), "test")).StatusCode);
        Assert.Equal(413, (await w.Coordinator.ImportAgreementAsync(new byte[CoordinatorService.MaxImportBytes + 1], "test")).StatusCode);
    }

    [Fact]
    public async Task A_report_of_an_open_cycle_is_a_preview_and_changes_nothing_stored()
    {
        await using var w = await StartAsync();
        Assert.Equal(202, (await w.Coordinator.StartAsync(w.Engine.Client, w.Agreement.Id, 2025, DateTimeOffset.UtcNow.AddDays(5), "test")).StatusCode);
        var cycles = w.Engine.Services.GetRequiredService<CycleRepository>();
        while (await cycles.FindAsync(w.Agreement.Id, 2025) is null)
        {
            await Task.Delay(100);
        }

        var before = await cycles.GetAsync(w.Agreement.Id, 2025);
        var preview = await w.Coordinator.ReportAsync(w.Agreement.Id, 2025, regenerate: true, "sv");

        Assert.NotNull(preview);
        Assert.StartsWith("forhandsvisning-", preview.Value.FileName, StringComparison.Ordinal);
        Assert.Equal(before, await cycles.GetAsync(w.Agreement.Id, 2025));
    }
}
