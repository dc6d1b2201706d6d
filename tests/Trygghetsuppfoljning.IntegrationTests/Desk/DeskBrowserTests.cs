using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.Local;
using Trygghetsuppfoljning.Workflows.Coordination;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Import;
using Trygghetsuppfoljning.Workflows.Storage;
using Xunit.Abstractions;

namespace Trygghetsuppfoljning.IntegrationTests.Desk;

/// <summary>
/// The desk in real Chromium (tests/desk/desk-flow.mjs): a coordinator signs in, imports the example roster through
/// the preview, starts the cycle, sees an owner's submission (posted over HTTP here) appear, sends an extra reminder,
/// extends, closes and downloads the report, which must validate. axe-core checks every page at 1280 and 320 px;
/// screenshots of each go to out/desk-pages/.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class DeskBrowserTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    const string Chromium = "/usr/bin/chromium";
    const string Coordinator = "Test Samordnare";

    [Fact]
    public async Task A_coordinator_runs_a_whole_cycle_from_the_desk_in_Chromium_with_no_axe_violations_at_1280_and_320_px()
    {
        Assert.True(File.Exists(Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? Chromium), "Chromium is missing: .ci/run installs Debian's chromium package.");
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "node_modules", "axe-core", "axe.min.js")), "node_modules is missing: run npm ci first (README).");

        await using var smtp = new SmtpCapture();
        // Closing waits this long for owner instances to report before reading Tables (5 minutes by default).
        await using var engine = await TestEngine.StartAsync(azurite, smtp, TestEngine.NewPrefix(), new Dictionary<string, string?> { ["Schedule:OwnerSettleTime"] = "00:00:05" });
        var rosterPath = Path.Combine(RepositoryPaths.Templates, "import", "exempel-roster.xlsx");
        var roster = AgreementImporter.Parse(await File.ReadAllBytesAsync(rosterPath)).Agreement!;
        var owners = roster.AnsweringOwners();
        var answering = owners[0];

        // One owner's address does not exist: the server refuses it, and the desk shows that on their row.
        var unreachable = owners[^1];
        smtp.RefusedRecipients[unreachable.Email] = true;

        var work = Directory.CreateTempSubdirectory("desk-flow-");
        var broken = Path.Combine(work.FullName, "trasig.json");
        await File.WriteAllTextAsync(broken, """{ "id": "x", "title": "", "focusAreas": [] }""");
        var shots = Path.Combine(RepositoryPaths.Root, "out", "desk-pages");
        var year = DateTimeOffset.UtcNow.Year - 1;

        var imported = await RunAsync("import", DeskClient.SignInLinkOf(engine, Coordinator), shots, engine.BaseUrl, rosterPath, broken);
        Assert.Equal(10, Checked(imported));

        var agreements = engine.Services.GetRequiredService<AgreementRepository>();
        Assert.Equal([roster.Id], await agreements.ListIdsAsync());
        var coordinator = engine.Services.GetRequiredService<CoordinatorService>();
        Assert.Contains(await coordinator.AuditAsync(roster.Id, null), e => e.Action == "import" && e.Actor == Coordinator && e.Result == 200);

        // The owners are invited by the cycle the desk started; one answers through the form over HTTP.
        await smtp.WaitForAsync(m => m.Count(x => x.Headers["X-Trygghet-Kind"] == "invitation") == owners.Count - 1, TimeSpan.FromSeconds(60));
        using (var form = new FormClient())
        {
            var link = FormClient.LinkIn(smtp.OfKind("invitation").Single(m => m.To.Mailboxes.Single().Address == answering.Email));
            Assert.Equal(200, (await form.PostAsync(link, Answers.For(roster, answering.Id))).Status);
        }

        var report = Path.Combine(work.FullName, "rapport.docx");
        var cycle = await RunAsync("cycle", DeskClient.SignInLinkOf(engine, Coordinator), shots, engine.BaseUrl, roster.Id, year.ToString(System.Globalization.CultureInfo.InvariantCulture), answering.Id, report);
        Assert.Equal(16, Checked(cycle));

        using (var document = WordprocessingDocument.Open(report, false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(document));
        }

        Assert.Equal(CycleState.Closed, (await engine.Services.GetRequiredService<CycleRepository>().FindAsync(roster.Id, year))!.State);
        var audit = await coordinator.AuditAsync(roster.Id, year);
        foreach (var action in new[] { "start", "remind", "extend", "close" })
        {
            Assert.Contains(audit, e => e.Action == action && e.Actor == Coordinator && e.Result < 400);
        }

        // The extra reminder went to everyone who had not submitted, and not to the one who had.
        var reminded = smtp.OfKind("reminder").SelectMany(m => m.To.Mailboxes).Select(m => m.Address).ToList();
        Assert.DoesNotContain(answering.Email, reminded);
        Assert.All(owners.Where(o => o != answering && o != unreachable), o => Assert.Contains(o.Email, reminded));

        var mail = await engine.Services.GetRequiredService<MailEventRepository>().ListAsync(roster.Id, year);
        Assert.Contains(mail, e => e.Outcome == MailOutcome.Refused && e.OwnerId == unreachable.Id);
        Assert.Contains(mail, e => e.Kind == "report-delivery" && e.Outcome == MailOutcome.Sent);
        work.Delete(recursive: true);
    }

    static int Checked(string stdout) => stdout.Split('\n').Count(l => l.Contains("\"status\":\"checked\"", StringComparison.Ordinal)) / 2;

    async Task<string> RunAsync(string phase, string signInLink, string shots, string baseUrl, params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = RepositoryPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine("tests", "desk", "desk-flow.mjs"), phase, baseUrl, signInLink, shots }.Concat(arguments))
        {
            start.ArgumentList.Add(arg);
        }

        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await node.WaitForExitAsync(timeout.Token);
        output.WriteLine($"{phase}: {DateTime.UtcNow:HH:mm:ss.fff} done");
        output.WriteLine(await stdout);
        output.WriteLine(await stderr);
        Assert.True(node.ExitCode == 0, $"desk-flow {phase} failed (exit {node.ExitCode}):\n{await stdout}\n{await stderr}");
        Assert.Contains("\"total_violations\":0", await stdout, StringComparison.Ordinal);
        return await stdout;
    }
}
