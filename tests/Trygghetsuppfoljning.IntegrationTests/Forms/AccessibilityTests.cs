using System.Diagnostics;
using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.Local;
using Trygghetsuppfoljning.Workflows.Forms;
using Xunit.Abstractions;

namespace Trygghetsuppfoljning.IntegrationTests.Forms;

/// <summary>
/// WCAG 2.1 AA (DOS-lagen) checked by axe-core in headless Chromium against the hosted form: tests/a11y/axe-check.mjs
/// visits the form, the form with errors (also reached by Enter in a text field), the confirmation, the draft confirmation and the not-found page, in Swedish
/// and English, at desktop width and at 320 px (where it also checks nothing scrolls sideways).
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class AccessibilityTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Every_form_page_has_no_axe_violations_at_desktop_width_and_at_320_px()
    {
        Assert.True(File.Exists(Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? Chromium), "Chromium is missing: .ci/run installs Debian's chromium package.");
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "node_modules", "axe-core", "axe.min.js")), "node_modules is missing: run npm ci first (README).");

        await using var s = await FormScenario.StartAsync(azurite);
        var link = await s.LinkAsync("johan-ek");

        // Last year's answer shows on the form, so the check covers that block too.
        await s.Responses.AppendAsync(
            Workflows.Domain.CycleIds.For(s.Agreement.Id, FormScenario.Year - 1), "johan-ek", Workflows.Domain.ResponseKind.Submitted, DateTimeOffset.UtcNow.AddYears(-1),
            [new("m09", Workflows.Domain.MeasureStatus.Delayed, Workflows.Domain.TrafficLight.Yellow, "Personalbrist under hösten.", new Dictionary<string, decimal?> { ["moten"] = 5 }, "Fler kontroller.")]);

        var screenshots = Environment.GetEnvironmentVariable("FORM_SCREENSHOTS");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { Path.Combine("tests", "a11y", "axe-check.mjs"), link, $"{s.Engine.BaseUrl}/forms/{LinkToken.NewToken()}" })
        {
            start.ArgumentList.Add(arg);
        }

        if (!string.IsNullOrEmpty(screenshots))
        {
            start.ArgumentList.Add(screenshots);
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
        Assert.Equal(18, (await stdout).Split('\n').Count(l => l.Contains("\"status\":\"checked\"", StringComparison.Ordinal)));
    }
}
