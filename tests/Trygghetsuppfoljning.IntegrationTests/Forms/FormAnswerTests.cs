using System.Text.RegularExpressions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Forms;
using Trygghetsuppfoljning.Workflows.Orchestration;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.IntegrationTests.Forms;

/// <summary>What an owner sees and what their answers become: one form for all measures, drafts, revisions, receipts.</summary>
[Collection(AzuriteTests.Name)]
public sealed partial class FormAnswerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Form_shows_each_of_the_owners_measures_with_last_years_answer_units_and_every_choice_in_swedish_or_english()
    {
        await using var s = await FormScenario.StartAsync(azurite);

        // Last year's cycle, closed: its final answers are what the form shows as "last year".
        await s.Engine.Services.GetRequiredService<CycleRepository>().EnsureAsync(new Cycle(
            s.Agreement.Id, FormScenario.Year - 1, DateTimeOffset.UtcNow.AddYears(-1), DateTimeOffset.UtcNow.AddYears(-1).AddDays(30), CycleState.Closed, DateTimeOffset.UtcNow.AddMonths(-10)));
        await s.Responses.AppendAsync(
            CycleIds.For(s.Agreement.Id, FormScenario.Year - 1), "johan-ek", ResponseKind.Submitted, DateTimeOffset.UtcNow.AddYears(-1),
            [new("m09", MeasureStatus.Delayed, TrafficLight.Yellow, "Personalbrist under hösten.", new Dictionary<string, decimal?> { ["moten"] = 5 }, "Fler kontroller.")]);
        var link = await s.LinkAsync("johan-ek");

        var (status, html) = await s.Client.GetAsync(link);
        var text = PageText.Of(html);

        Assert.Equal(200, status);
        Assert.Contains("<html lang=\"sv\">", html, StringComparison.Ordinal);
        Assert.All(s.Agreement.MeasuresOf("johan-ek"), m => Assert.Contains(m.Title, text, StringComparison.Ordinal));
        Assert.All(s.Agreement.Measures.Where(m => m.OwnerId != "johan-ek"), m => Assert.DoesNotContain(m.Title, text, StringComparison.Ordinal));
        var visible = PageText.Visible(html);
        Assert.Contains("Förra året: Försenad, Gul. Personalbrist under hösten.", visible, StringComparison.Ordinal);
        Assert.Contains("Näringslivsträffar med polis (st)", text, StringComparison.Ordinal);
        Assert.Contains("Utgångsvärde: 2. Mål: 6. Förra året: 5.", visible, StringComparison.Ordinal);

        // An effect indicator is the coordinator's to enter, with source and date: the owner is not asked for it.
        Assert.DoesNotContain("Narkotikaärenden där den misstänkte är under 21 år", text, StringComparison.Ordinal);
        Assert.Contains("Publik kommentar (visas för medborgarna)", text, StringComparison.Ordinal);
        foreach (var label in new[] { "Genomförd", "Pågår enligt plan", "Försenad", "Ej påbörjad", "Avbruten", "Grön", "Gul", "Röd", "Kommentar", "Plan för nästa år", "Skicka in", "Spara utkast" })
        {
            Assert.Contains(label, text, StringComparison.Ordinal);
        }

        // Every control has a label, every group of radios a legend, and the language switch is a visible link.
        Assert.Empty(PageText.UnlabelledControls(html));
        Assert.Equal(Regex.Count(html, "<fieldset"), Regex.Count(html, "<legend>"));
        Assert.Equal(2 * s.Agreement.MeasuresOf("johan-ek").Count(), Regex.Count(html, "<fieldset"));
        Assert.Contains("name=\"switch-lang\" value=\"en\"", html, StringComparison.Ordinal);
        Assert.Contains("In English", text, StringComparison.Ordinal);

        var (enStatus, enHtml) = await s.Client.GetAsync(link + "?lang=en");
        var en = PageText.Of(enHtml);
        Assert.Equal(200, enStatus);
        Assert.Contains("<html lang=\"en\">", enHtml, StringComparison.Ordinal);
        foreach (var label in new[] { "Completed", "On track", "Delayed", "Not started", "Cancelled", "Green", "Yellow", "Red", "Last year:", "Submit", "Save draft", "På svenska" })
        {
            Assert.Contains(label, en, StringComparison.Ordinal);
        }

        Assert.Contains("Last year: Delayed, Yellow.", PageText.Visible(enHtml), StringComparison.Ordinal);
        foreach (var swedish in new[] { "Skicka in", "Spara utkast", "Förra året", "Trafikljus", "Kommentar", "Genomförd", "Utgångsvärde" })
        {
            Assert.DoesNotContain(swedish, en, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Draft_does_not_count_submit_does_and_every_revision_is_kept_with_its_time()
    {
        await using var s = await FormScenario.StartAsync(azurite);
        var link = await s.LinkAsync("maria-nilsson");

        // A draft may be incomplete; it is stored but does not count.
        var (draftStatus, draftHtml) = await s.Client.PostAsync(link, [new(FormFields.Action, FormFields.ActionDraft), new(FormFields.Status("m04"), "OnTrack"), new(FormFields.Comment("m04"), "Halvvägs")]);
        Assert.Equal(200, draftStatus);
        Assert.Contains("Utkastet är sparat", PageText.Of(draftHtml), StringComparison.Ordinal);
        Assert.Empty(await s.Responses.LatestSubmittedAsync(s.Cycle.Id));

        // Opening the link again shows the draft.
        var (_, reopened) = await s.Client.GetAsync(link);
        Assert.Matches("value=\"OnTrack\" checked", reopened);
        Assert.Contains("Halvvägs", PageText.Of(reopened), StringComparison.Ordinal);

        var (submitStatus, submitHtml) = await s.Client.PostAsync(link, Answers.For(s.Agreement, "maria-nilsson", comment: "Första versionen"));
        Assert.Equal(200, submitStatus);
        Assert.Contains("Tack! Dina svar är inskickade", PageText.Of(submitHtml), StringComparison.Ordinal);
        Assert.Equal(200, (await s.Client.PostAsync(link, Answers.For(s.Agreement, "maria-nilsson", comment: "Andra versionen", status: MeasureStatus.Completed))).Status);
        Assert.Equal(200, (await s.Client.PostAsync(link, Answers.For(s.Agreement, "maria-nilsson", FormFields.ActionDraft, comment: "Ett senare utkast"))).Status);

        var revisions = await s.RevisionsAsync("maria-nilsson");
        Assert.Equal([1, 2, 3, 4], revisions.Select(r => r.Revision));
        Assert.Equal([ResponseKind.Draft, ResponseKind.Submitted, ResponseKind.Submitted, ResponseKind.Draft], revisions.Select(r => r.Kind));
        Assert.True(revisions.Zip(revisions.Skip(1)).All(p => p.First.SavedUtc <= p.Second.SavedUtc), "each revision keeps its own time");
        Assert.All(revisions, r => Assert.True(r.SavedUtc > DateTimeOffset.UtcNow.AddMinutes(-5)));

        // The latest submitted revision counts, not the later draft; the form shows the newest (the draft).
        var counted = Assert.Single(await s.Responses.LatestSubmittedAsync(s.Cycle.Id));
        Assert.Equal(3, counted.Revision);
        Assert.All(counted.Answers, a => Assert.Equal("Andra versionen", a.Comment));
        Assert.Contains("Ett senare utkast", PageText.Of((await s.Client.GetAsync(link)).Html), StringComparison.Ordinal);
        Assert.NotNull((await s.Engine.Services.GetRequiredService<OwnerProgressRepository>().GetAsync(s.Cycle.Id, "maria-nilsson")).SubmittedUtc);
    }

    [Fact]
    public async Task Validation_errors_link_from_a_summary_to_each_field_and_keep_every_value_typed()
    {
        await using var s = await FormScenario.StartAsync(azurite);
        var link = await s.LinkAsync("karin-sjoberg");
        const string plan = "Min plan <b>fet</b> & \"citat\"\nrad två";

        var (status, html) = await s.Client.PostAsync(link,
        [
            new(FormFields.Action, FormFields.ActionSubmit),
            new(FormFields.Status("m07"), "Delayed"),
            new(FormFields.Light("m07"), "Red"),
            new(FormFields.Comment("m07"), "   "),
            new(FormFields.Indicator("m07", "korsningar"), "tolv"),
            new(FormFields.Plan("m07"), plan),
        ]);
        var text = PageText.Of(html);

        Assert.Equal(400, status);
        Assert.Contains("<title>Fel:", text, StringComparison.Ordinal);
        Assert.Contains("Skriv en kommentar", text, StringComparison.Ordinal);
        Assert.Contains("Ange ett tal (antal)", text, StringComparison.Ordinal);
        var targets = PageText.SummaryTargets(html);
        Assert.Equal(2, targets.Count);
        Assert.All(targets, id => Assert.True(PageText.HasId(html, id), $"summary links to #{id}, which is not on the page"));
        Assert.All(targets, id => Assert.True(PageText.HasId(html, id + "-error"), $"no message next to #{id}"));
        Assert.Contains("Ombyggnad av olycksdrabbade korsningar i centrala Höganäs: Skriv en kommentar", text, StringComparison.Ordinal);

        // Everything typed is back, encoded: the radios checked, the number as typed, the plan exactly.
        Assert.Contains("value=\"Delayed\" checked", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Red\" checked", html, StringComparison.Ordinal);
        Assert.Contains("value=\"tolv\"", html, StringComparison.Ordinal);
        Assert.Contains(plan, text, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>fet</b>", html, StringComparison.Ordinal);
        Assert.Empty(await s.RevisionsAsync("karin-sjoberg"));

        // The language switch is a button of the form: pressing it keeps everything typed and stores nothing.
        var (switched, switchedHtml) = await s.Client.PostAsync(link,
        [
            new(FormFields.Language, "sv"), new(FormFields.SwitchLanguage, "en"), new(FormFields.Status("m07"), "Delayed"),
            new(FormFields.Indicator("m07", "korsningar"), "tolv"), new(FormFields.Plan("m07"), plan),
        ]);
        Assert.Equal(200, switched);
        Assert.Contains("<html lang=\"en\">", switchedHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"Delayed\" checked", switchedHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"tolv\"", switchedHtml, StringComparison.Ordinal);
        Assert.Contains(plan, PageText.Of(switchedHtml), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"error-summary\"", switchedHtml, StringComparison.Ordinal);
        Assert.Contains("name=\"switch-lang\" value=\"sv\"", switchedHtml, StringComparison.Ordinal);
        Assert.Empty(await s.RevisionsAsync("karin-sjoberg"));
    }

    [Fact]
    public async Task Submitted_answers_get_a_confirmation_page_and_a_receipt_mail_with_a_copy()
    {
        await using var s = await FormScenario.StartAsync(azurite);

        // The owner's own orchestration: it invites (the link arrives by SMTP) and mails a receipt per submission.
        var instanceId = CycleIds.OwnerInstance(s.Agreement.Id, FormScenario.Year, "lars-holm");
        await s.Engine.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(OwnerInputOrchestrator),
            new OwnerInputInput(s.Agreement.Id, FormScenario.Year, "lars-holm", CycleIds.CycleInstance(s.Agreement.Id, FormScenario.Year), DateTimeOffset.UtcNow.AddMinutes(10), []),
            new StartOrchestrationOptions(instanceId));
        var invitation = (await s.Smtp.WaitForAsync(m => m.Any(x => x.Headers["X-Trygghet-Kind"] == "invitation"), TimeSpan.FromSeconds(30))).Single();
        var link = FormClient.LinkIn(invitation);

        var fields = Answers.For(s.Agreement, "lars-holm", status: MeasureStatus.Delayed, light: TrafficLight.Red, comment: "Kontrollerna flyttades till vecka 34 ✓", indicatorValue: 17);
        var (status, html) = await s.Client.PostAsync(link, fields);
        var page = PageText.Of(html);

        Assert.Equal(200, status);
        Assert.Contains("Tack! Dina svar är inskickade", page, StringComparison.Ordinal);
        Assert.Contains("Kontrollerna flyttades till vecka 34 ✓", page, StringComparison.Ordinal);
        Assert.All(s.Agreement.MeasuresOf("lars-holm"), m => Assert.Contains(m.Title, page, StringComparison.Ordinal));

        var receipt = (await s.Smtp.WaitForAsync(m => m.Any(x => x.Headers["X-Trygghet-Kind"] == "receipt"), TimeSpan.FromSeconds(30))).Single(m => m.Headers["X-Trygghet-Kind"] == "receipt");
        Assert.Equal("lars.holm@polisen.example", receipt.To.Mailboxes.Single().Address);
        var body = PageText.Of(receipt.HtmlBody ?? receipt.TextBody ?? string.Empty);
        Assert.Contains("Kontrollerna flyttades till vecka 34 ✓", body, StringComparison.Ordinal);
        Assert.Contains("Försenad", body, StringComparison.Ordinal);
        Assert.Contains("17", body, StringComparison.Ordinal);
        Assert.All(s.Agreement.MeasuresOf("lars-holm"), m => Assert.Contains(m.Title, body, StringComparison.Ordinal));
        await s.Engine.Client.TerminateInstanceAsync(instanceId);
    }
}
