using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.Local;
using Trygghetsuppfoljning.Workflows.Coordination;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Effects;
using Trygghetsuppfoljning.Workflows.Storage;
using Xunit.Abstractions;

namespace Trygghetsuppfoljning.IntegrationTests.Desk;

/// <summary>
/// The desk's part of closing the loop, over real HTTP on the local host: the effect figures of a cycle (listed, entered
/// with source and date, refused with the API's own message), the steering group's return on the cycle page, and
/// reopening chosen owners from the desk. The pages pass axe at 1280 and 320 px.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class DeskFollowUpTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    const int Year = 2025;
    const string Coordinator = "Desk Samordnare";

    [Fact]
    public async Task Effect_figures_are_entered_on_the_desk_with_the_APIs_checks_and_a_returned_report_reopens_chosen_owners()
    {
        await using var smtp = new SmtpCapture();
        await using var engine = await TestEngine.StartAsync(azurite, smtp, TestEngine.NewPrefix());
        var agreement = await TestEngine.LoadDemoAgreementAsync(engine);
        await SeedReturnedCycleAsync(engine, agreement);
        using var desk = new DeskClient(engine.BaseUrl);
        Assert.Equal(HttpStatusCode.SeeOther, (await desk.SignInAsync(DeskClient.SignInLinkOf(engine, Coordinator))).StatusCode);
        var cyclePath = $"/desk/cycles/{agreement.Id}/{Year}";
        var effectsPath = $"{cyclePath}/effects";

        // The cycle page shows the return (also in its audit log) and offers the effect figures and reopening.
        var (cycleStatus, cycleHtml) = await desk.GetAsync(cyclePath);
        Assert.Equal(200, cycleStatus);
        Assert.Contains("Återremitterad av styrgruppen", cycleHtml, StringComparison.Ordinal);
        Assert.Contains("Styrgruppen återremitterade", cycleHtml, StringComparison.Ordinal);
        Assert.Contains($"{effectsPath}?lang=sv", cycleHtml, StringComparison.Ordinal);
        Assert.Contains($"{cyclePath}/reopen?lang=sv", cycleHtml, StringComparison.Ordinal);

        // Every effect indicator is listed; Swedish by default, English on request.
        var effectIndicators = agreement.Measures.SelectMany(m => m.Indicators.Where(i => i.Kind == IndicatorKind.Effekt)).ToList();
        Assert.NotEmpty(effectIndicators);
        var (effectsStatus, effectsHtml) = await desk.GetAsync(effectsPath);
        Assert.Equal(200, effectsStatus);
        Assert.Contains("Effekttal 2025", effectsHtml, StringComparison.Ordinal);
        Assert.All(effectIndicators, i => Assert.Contains(i.Name, WebUtility.HtmlDecode(effectsHtml), StringComparison.Ordinal));
        Assert.Contains("Effect figures 2025", (await desk.GetAsync($"{effectsPath}?lang=en")).Html, StringComparison.Ordinal);

        // A produktion or process indicator is refused with the same message the API gives.
        var notEffect = agreement.Measures.SelectMany(m => m.Indicators.Where(i => i.Kind != IndicatorKind.Effekt).Select(i => (m, i))).First();
        using var api = new HttpClient { BaseAddress = new Uri(engine.BaseUrl.TrimEnd('/') + "/") };
        api.DefaultRequestHeaders.Add(CoordinatorOptions.HeaderName, "test-coordinator-key");
        var apiRefusal = await api.PostAsJsonAsync($"api/cycles/{agreement.Id}/{Year}/effects", new { measureId = notEffect.m.Id, indicatorId = notEffect.i.Id, value = 3, source = "Egen räkning", sourceDate = "2026-01-20" });
        Assert.Equal(HttpStatusCode.BadRequest, apiRefusal.StatusCode);
        var apiMessage = (await apiRefusal.Content.ReadFromJsonAsync<CoordinatorResponse>(DomainJson.Options))!.Message;
        var (refusedStatus, refusedHtml) = await desk.PostAsync(effectsPath, Figure($"{notEffect.m.Id}/{notEffect.i.Id}", "3", "Egen räkning", "2026-01-20"), effectsPath);
        Assert.Equal(400, refusedStatus);
        Assert.Contains(apiMessage, WebUtility.HtmlDecode(refusedHtml), StringComparison.Ordinal);
        Assert.Contains("Egen räkning", refusedHtml, StringComparison.Ordinal);

        var (badStatus, badHtml) = await desk.PostAsync(effectsPath, Figure("m07/trafikskadade", "många", "Strada", "2026-01-20"), effectsPath);
        Assert.Equal(400, badStatus);
        Assert.Contains("Ange värdet som ett tal", badHtml, StringComparison.Ordinal);
        Assert.Empty(await engine.Services.GetRequiredService<EffectFigureService>().ListAsync(agreement.Id, Year));

        // A figure with a decimal comma, its source and date is stored, shown and audited under the signed-in name.
        var (savedStatus, savedHtml) = await desk.PostAsync(effectsPath, Figure("m07/trafikskadade", "31,5", "Strada, Transportstyrelsen", "2026-01-20"), effectsPath);
        Assert.Equal(200, savedStatus);
        var figure = Assert.Single(await engine.Services.GetRequiredService<EffectFigureService>().ListAsync(agreement.Id, Year));
        Assert.Equal((31.5m, "Strada, Transportstyrelsen", new DateOnly(2026, 1, 20), Coordinator), (figure.Value, figure.Source, figure.SourceDate, figure.EnteredBy));
        Assert.Contains("31,5", savedHtml, StringComparison.Ordinal);
        var audit = await engine.Services.GetRequiredService<CoordinatorService>().AuditAsync(agreement.Id, Year);
        Assert.Contains(audit, e => e.Action == "effect-figure" && e.Actor == Coordinator && e.Result == 200);

        // Reopen: owners are chosen by checkbox; none chosen is refused, one chosen opens that owner's form again.
        var reopenPath = $"{cyclePath}/reopen";
        var (confirmStatus, confirmHtml) = await desk.GetAsync(reopenPath);
        Assert.Equal(200, confirmStatus);
        Assert.All(agreement.AnsweringOwners(), o => Assert.Contains($"name=\"reopen-{o.Id}\"", confirmHtml, StringComparison.Ordinal));
        var deadline = SwedishTime.DateOf(DateTimeOffset.UtcNow).AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (noneStatus, noneHtml) = await desk.PostAsync(reopenPath, [new("lang", "sv"), new("deadline", deadline)], reopenPath);
        Assert.Equal(400, noneStatus);
        Assert.Contains("Välj minst en ansvarig", noneHtml, StringComparison.Ordinal);
        Assert.Null(await engine.Services.GetRequiredService<ReturnRoundRepository>().FindAsync(agreement.Id, Year));

        var (reopenStatus, reopenHtml) = await desk.PostAsync(reopenPath, [new("lang", "sv"), new("deadline", deadline), new("reopen-anna-berg", "on")], reopenPath);
        Assert.True(reopenStatus is 200 or 202, reopenHtml);
        var round = await engine.Services.GetRequiredService<ReturnRoundRepository>().FindAsync(agreement.Id, Year);
        Assert.Equal(ReturnRoundState.Open, round!.State);
        Assert.Equal("anna-berg", Assert.Single(round.OwnerIds));
        var (_, withRound) = await desk.GetAsync(cyclePath);
        Assert.Contains("Öppet igen för Anna Berg", withRound, StringComparison.Ordinal);
        Assert.Contains($"{cyclePath}/close-round?lang=sv", withRound, StringComparison.Ordinal);
        Assert.Contains(await engine.Services.GetRequiredService<CoordinatorService>().AuditAsync(agreement.Id, Year), e => e.Action == "reopen" && e.Actor == Coordinator && e.Result < 400);

        await AssertAccessibleAsync(engine, cyclePath, effectsPath);
    }

    static KeyValuePair<string, string>[] Figure(string indicator, string value, string source, string date) =>
        [new("lang", "sv"), new("indicator", indicator), new("value", value), new("source", source), new("date", date)];

    /// <summary>A closed 2025 cycle with everyone's answers, and the steering group's return recorded.</summary>
    static async Task SeedReturnedCycleAsync(Local.Engine.LocalEngine engine, Agreement agreement)
    {
        var services = engine.Services;
        var now = DateTimeOffset.UtcNow;
        var cycles = services.GetRequiredService<CycleRepository>();
        var cycle = await cycles.EnsureAsync(new Cycle(agreement.Id, Year, now.AddDays(-40), now.AddDays(-10), CycleState.Open));
        await cycles.UpdateAsync(agreement.Id, Year, c => c with { State = CycleState.Closed, ClosedUtc = now.AddDays(-9) });
        var responses = services.GetRequiredService<ResponseRepository>();
        foreach (var owner in agreement.AnsweringOwners())
        {
            var answers = agreement.MeasuresOf(owner.Id).Select(m => new MeasureAnswer(
                m.Id, MeasureStatus.OnTrack, TrafficLight.Green, "Enligt plan.", m.Indicators.Where(i => i.Kind != IndicatorKind.Effekt).ToDictionary(i => i.Id, _ => (decimal?)7), "Fortsätta.")).ToList();
            await responses.AppendAsync(cycle.Id, owner.Id, ResponseKind.Submitted, now.AddDays(-20), answers);
        }

        var returned = await services.GetRequiredService<CoordinatorService>().RecordSteeringDecisionAsync(
            engine.Client, agreement.Id, Year, approved: false, SwedishTime.DateOf(now), "Komplettera trafikåtgärderna.", "Styrgruppens sekreterare");
        Assert.Equal(202, returned.StatusCode);
    }

    async Task AssertAccessibleAsync(Local.Engine.LocalEngine engine, string cyclePath, string effectsPath)
    {
        Assert.True(File.Exists(Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium"), "Chromium is missing: .ci/run installs Debian's chromium package.");
        var start = new ProcessStartInfo("node") { WorkingDirectory = RepositoryPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        var baseUrl = engine.BaseUrl.TrimEnd('/');
        foreach (var arg in new[]
        {
            Path.Combine("tests", "a11y", "axe-desk.mjs"), DeskClient.SignInLinkOf(engine, Coordinator), "--screenshots", Path.Combine(RepositoryPaths.Root, "out", "desk-pages"),
            $"cycle-round={baseUrl}{cyclePath}",
            $"effects-sv={baseUrl}{effectsPath}",
            $"effects-en={baseUrl}{effectsPath}?lang=en",
            $"effects-error!bad-figure={baseUrl}{effectsPath}",
            $"reopen-sv={baseUrl}{cyclePath}/reopen",
            $"close-round-en={baseUrl}{cyclePath}/close-round?lang=en",
        })
        {
            start.ArgumentList.Add(arg);
        }

        Directory.CreateDirectory(Path.Combine(RepositoryPaths.Root, "out", "desk-pages"));
        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await node.WaitForExitAsync(timeout.Token);
        output.WriteLine(await stdout);
        output.WriteLine(await stderr);
        Assert.True(node.ExitCode == 0, $"axe-desk failed (exit {node.ExitCode}):\n{await stdout}\n{await stderr}");
        Assert.Equal(12, (await stdout).Split('\n').Count(l => l.Contains("\"status\":\"checked\"", StringComparison.Ordinal)));
        Assert.Contains("\"total_violations\":0", await stdout, StringComparison.Ordinal);
    }
}
