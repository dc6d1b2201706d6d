using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using Microsoft.DurableTask.Client;
using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.Local;
using Trygghetsuppfoljning.Local.Engine;
using Trygghetsuppfoljning.Workflows.Coordination;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Effects;
using Trygghetsuppfoljning.Workflows.Orchestration;
using Trygghetsuppfoljning.Workflows.Storage;
using Xunit.Abstractions;

namespace Trygghetsuppfoljning.IntegrationTests.Citizens;

/// <summary>
/// The citizens' page end to end on the local host: nothing public before the steering group approves; the decision
/// over the coordinator API (key required) wakes the approval instance, which publishes; then the page, its .docx and
/// the index are served anonymously, with no owner name, e-mail or internal comment anywhere, and pass axe.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class PublicPageTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    const int Year = 2025;
    static readonly string Tag = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_storage_fault_is_a_calm_uncached_503_never_the_not_published_page()
    {
        await using var smtp = new SmtpCapture();
        await using var engine = await TestEngine.StartAsync(azurite, smtp, TestEngine.NewPrefix());
        using var anonymous = new HttpClient { BaseAddress = new Uri(engine.BaseUrl.TrimEnd('/') + "/") };
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"public/nowhere/{Year}")).StatusCode);

        // The summaries' table vanishes under the running host: "try again later", not "not published".
        await (await engine.Services.GetRequiredService<TableStore>().GetAsync(CitizenSummaryRepository.Table)).DeleteAsync();
        foreach (var path in new[] { $"public/nowhere/{Year}", $"public/nowhere/{Year}/docx", $"public/nowhere/{Year}?lang=en" })
        {
            using var response = await anonymous.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains(path.EndsWith("en", StringComparison.Ordinal) ? "temporarily unavailable" : "tillfälligt otillgänglig", html, StringComparison.Ordinal);
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        }
    }

    [Fact]
    public async Task Approved_year_is_published_anonymously_without_personal_data_and_unapproved_years_are_not_found()
    {
        await using var smtp = new SmtpCapture();
        await using var engine = await TestEngine.StartAsync(azurite, smtp, TestEngine.NewPrefix());
        var agreement = await SeedClosedCycleAsync(engine);
        using var anonymous = new HttpClient { BaseAddress = new Uri(engine.BaseUrl.TrimEnd('/') + "/") };
        using var coordinator = new HttpClient { BaseAddress = anonymous.BaseAddress };
        coordinator.DefaultRequestHeaders.Add(CoordinatorOptions.HeaderName, "test-coordinator-key");

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"public/{agreement.Id}/{Year}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"public/{agreement.Id}/{Year}/docx")).StatusCode);

        var instanceId = CycleIds.ApprovalInstance(agreement.Id, Year);
        await OrchestrationStarter.StartIfNewAsync(
            engine.Client, nameof(SteeringApprovalOrchestrator), instanceId, new SteeringApprovalInput(agreement.Id, Year, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30)));
        await engine.Client.WaitForInstanceStartAsync(instanceId);

        var decision = new { approved = true, date = "2026-03-03", note = (string?)null };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"api/cycles/{agreement.Id}/{Year}/decision", decision)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await coordinator.PostAsJsonAsync($"api/cycles/{agreement.Id}/{Year}/decision", decision)).StatusCode);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90)))
        {
            var state = await engine.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
            Assert.Equal(SteeringApprovalOutcome.Approved, state.ReadOutputAs<SteeringApprovalResult>()!.Outcome);
        }

        var page = await anonymous.GetAsync($"public/{agreement.Id}/{Year}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Så gick det med våra löften 2025", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        var english = await anonymous.GetStringAsync($"public/{agreement.Id}/{Year}?lang=en");
        var docx = await anonymous.GetAsync($"public/{agreement.Id}/{Year}/docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        var docxXml = ZipText(await docx.Content.ReadAsByteArrayAsync());
        var index = await anonymous.GetStringAsync($"public/{agreement.Id}");
        Assert.Contains($"/{Year}?lang=sv", index, StringComparison.Ordinal);

        foreach (var text in new[] { html, english, docxXml, index })
        {
            foreach (var secret in Secrets(agreement))
            {
                Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
            }
        }

        // The same owners' text in the separate public field does get through: the checks above can fail.
        Assert.All(new[] { html, english, docxXml }, text => Assert.Contains($"PUBLICNOTE{Tag} m07", text, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"public/{agreement.Id}/{Year - 1}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("public/finns-inte")).StatusCode);

        // The audit log names the decision.
        var audit = await engine.Services.GetRequiredService<CoordinatorService>().AuditAsync(agreement.Id, Year);
        Assert.Contains(audit, e => e.Action == "approve" && e.Actor == "api-key" && e.Result == 202);

        await AssertAccessibleAsync(engine.BaseUrl, agreement.Id);
    }

    /// <summary>The demo agreement with every owner's name, e-mail, comment and plan made a unique marker, and a closed 2025 cycle.</summary>
    static async Task<Agreement> SeedClosedCycleAsync(LocalEngine engine)
    {
        var demo = DomainJson.Deserialize<Agreement>(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Templates, "demo", "hoganas.json")));
        var agreement = demo with
        {
            Owners = demo.Owners.Select((o, i) => o with { Name = $"OWNERNAME{Tag}{i}", Email = $"ownermail{Tag}{i}@kommun.example", Title = $"OWNERTITLE{Tag}{i}" }).ToList(),
            Coordinator = new Recipient($"COORDINATOR{Tag}", $"coordinator{Tag}@kommun.example"),
            SteeringGroup = [new Recipient($"STEERING{Tag}", $"steering{Tag}@kommun.example")],
            Chair = $"CHAIR{Tag}",
        };
        var services = engine.Services;
        await services.GetRequiredService<AgreementRepository>().SaveAsync(agreement);
        var now = DateTimeOffset.UtcNow;
        var cycle = await services.GetRequiredService<CycleRepository>().EnsureAsync(new Cycle(agreement.Id, Year, now.AddDays(-40), now.AddDays(-10), CycleState.Open));
        await services.GetRequiredService<CycleRepository>().UpdateAsync(cycle.AgreementId, cycle.Year, c => c with { State = CycleState.Closed, ClosedUtc = now.AddDays(-9) });
        var responses = services.GetRequiredService<ResponseRepository>();
        foreach (var owner in agreement.AnsweringOwners())
        {
            var answers = agreement.MeasuresOf(owner.Id).Select(m => new MeasureAnswer(
                m.Id, MeasureStatus.OnTrack, TrafficLight.Green, $"INTERNALCOMMENT{Tag}{m.Id}",
                m.Indicators.Where(i => i.Kind != IndicatorKind.Effekt).ToDictionary(i => i.Id, _ => (decimal?)7),
                $"INTERNALPLAN{Tag}{m.Id}", $"PUBLICNOTE{Tag} {m.Id}")).ToList();
            await responses.AppendAsync(cycle.Id, owner.Id, ResponseKind.Submitted, now.AddDays(-20), answers);
        }

        var effects = services.GetRequiredService<EffectFigureService>();
        var recorded = await effects.RecordAsync(agreement.Id, Year, new EffectFigureService.EffectFigureInput("m07", "trafikskadade", 27, "Strada", new DateOnly(2026, 1, 20)), $"COORDINATOR{Tag}");
        Assert.Equal(200, recorded.StatusCode);
        var refused = await effects.RecordAsync(agreement.Id, Year, new EffectFigureService.EffectFigureInput("m06", "kontroller", 3, "Egen räkning", new DateOnly(2026, 1, 20)), $"COORDINATOR{Tag}");
        Assert.Equal(400, refused.StatusCode);
        return agreement;
    }

    static IEnumerable<string> Secrets(Agreement agreement) =>
        [
            .. agreement.Owners.SelectMany(o => new[] { o.Name, o.Email, o.Title! }),
            .. agreement.Measures.SelectMany(m => new[] { $"INTERNALCOMMENT{Tag}{m.Id}", $"INTERNALPLAN{Tag}{m.Id}" }),
            agreement.Coordinator.Name, agreement.Coordinator.Email, agreement.SteeringGroup[0].Name, agreement.SteeringGroup[0].Email, agreement.Chair,
        ];

    static string ZipText(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        return string.Concat(zip.Entries.Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        }));
    }

    async Task AssertAccessibleAsync(string baseUrl, string agreementId)
    {
        Assert.True(File.Exists(Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium"), "Chromium is missing: .ci/run installs Debian's chromium package.");
        var start = new ProcessStartInfo("node") { WorkingDirectory = RepositoryPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine("tests", "a11y", "axe-public.mjs"));
        if (Environment.GetEnvironmentVariable("PUBLIC_SCREENSHOTS") is { Length: > 0 } screenshots)
        {
            start.ArgumentList.Add("--screenshots");
            start.ArgumentList.Add(screenshots);
        }

        var root = baseUrl.TrimEnd('/');
        foreach (var (name, path) in new[]
        {
            ("summary-sv", $"public/{agreementId}/{Year}"), ("summary-en", $"public/{agreementId}/{Year}?lang=en"),
            ("index-sv", $"public/{agreementId}"), ("index-en", $"public/{agreementId}?lang=en"), ("not-found", $"public/{agreementId}/{Year - 5}"),
        })
        {
            start.ArgumentList.Add($"{name}={root}/{path}");
        }

        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await node.WaitForExitAsync(timeout.Token);
        output.WriteLine(await stdout);
        output.WriteLine(await stderr);
        Assert.True(node.ExitCode == 0, $"axe found violations (exit {node.ExitCode}):\n{await stdout}\n{await stderr}");
        Assert.Contains("\"total_violations\":0", await stdout, StringComparison.Ordinal);
        Assert.Equal(10, (await stdout).Split('\n').Count(l => l.Contains("\"status\":\"checked\"", StringComparison.Ordinal)));
    }
}
