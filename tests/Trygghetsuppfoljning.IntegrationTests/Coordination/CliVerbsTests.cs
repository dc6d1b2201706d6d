using System.Diagnostics;
using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.IntegrationTests.Resilience;
using Trygghetsuppfoljning.Local;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.IntegrationTests.Coordination;

/// <summary>The built CLI as a coordinator runs it, against a running local host: every verb is an API call.</summary>
[Collection(AzuriteTests.Name)]
public sealed class CliVerbsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Cli_imports_starts_shows_extends_closes_fetches_the_report_and_purges_through_the_api()
    {
        await using var smtp = new SmtpCapture();
        await using var engine = await TestEngine.StartAsync(azurite, smtp, TestEngine.NewPrefix());
        var reportFile = Path.Combine(Path.GetTempPath(), $"cli-report-{Guid.NewGuid():N}.docx");
        var options = new[] { "--url", engine.BaseUrl, "--key", "test-coordinator-key" };

        var (code, output) = await RunAsync(["import", Path.Combine(RepositoryPaths.Templates, "import", "exempel-roster.xlsx"), .. options]);
        Assert.True(code == 0, output);
        Assert.Contains("Överenskommelsen 'hoganas' är inläst: 3 fokusområden, 11 åtgärder, 6 ansvariga.", output, StringComparison.Ordinal);

        (code, output) = await RunAsync(["start", "hoganas", "2025", "--deadline", DateTimeOffset.UtcNow.AddHours(1).ToString("O"), .. options]);
        Assert.True(code == 0, output);
        Assert.Contains("Uppföljningen 2025 av 'hoganas' har startats.", output, StringComparison.Ordinal);

        (code, output) = await RunAsync(["status", "hoganas", "2025", .. options]);
        Assert.True(code == 0, output);
        Assert.Matches(@"(\d+ av 6 har svarat|Alla 6 har svarat).*sista dag \d+ \w+ 20\d\d kl\. \d\d:\d\d\.", output);

        (code, output) = await RunAsync(["start", "hoganas", "2025", .. options]);
        Assert.Equal(1, code);
        Assert.Contains("already exists", output, StringComparison.Ordinal);

        (code, output) = await RunAsync(["extend", "hoganas", "2025", DateTimeOffset.UtcNow.AddHours(2).ToString("O"), .. options]);
        Assert.True(code == 0, output);

        (code, output) = await RunAsync(["close", "hoganas", "2025", .. options]);
        Assert.True(code == 0, output);
        using (var api = new CoordinatorApi(engine.BaseUrl, "test-coordinator-key"))
        {
            await api.WaitForRuntimeStatusAsync("hoganas", 2025, "Completed", TimeSpan.FromSeconds(60));
        }

        (code, output) = await RunAsync(["status", "hoganas", "2025", .. options]);
        Assert.True(code == 0, output);
        Assert.Contains("'hoganas': stängd", output, StringComparison.Ordinal);

        (code, output) = await RunAsync(["status", "hoganas", "2025", "--json", .. options]);
        Assert.True(code == 0, output);
        Assert.Contains("\"state\":\"Closed\"", output, StringComparison.Ordinal);

        // Reopening owners needs a returned report, and owners of the cycle's roster.
        var roundDeadline = DateTimeOffset.UtcNow.AddHours(1).ToString("O");
        (code, output) = await RunAsync(["reopen", "hoganas", "2025", "finns-inte", "--deadline", roundDeadline, .. options]);
        Assert.Equal(1, code);
        Assert.Contains("409", output, StringComparison.Ordinal);
        (code, output) = await RunAsync(["decide", "hoganas", "2025", "returned", "--note", "Komplettera.", .. options]);
        Assert.True(code == 0, output);
        (code, output) = await RunAsync(["reopen", "hoganas", "2025", "finns-inte", "--deadline", roundDeadline, .. options]);
        Assert.Equal(1, code);
        Assert.Contains("404", output, StringComparison.Ordinal);
        Assert.Contains("finns-inte", output, StringComparison.Ordinal);

        (code, output) = await RunAsync(["report", "hoganas", "2025", "--out", reportFile, .. options]);
        Assert.True(code == 0, output);
        Assert.Contains("Höganäs", CoordinatorApi.TextOf(await File.ReadAllBytesAsync(reportFile)), StringComparison.Ordinal);
        File.Delete(reportFile);

        (code, output) = await RunAsync(["purge", .. options]);
        Assert.True(code == 0, output);

        // A wrong key: refused, exit code 1, nothing started.
        (code, output) = await RunAsync(["start", "hoganas", "2024", "--url", engine.BaseUrl, "--key", "wrong"]);
        Assert.Equal(1, code);
        Assert.Contains("401", output, StringComparison.Ordinal);

        // English on request.
        (code, output) = await RunAsync(["status", "hoganas", "2025", "--lang", "en", .. options]);
        Assert.Contains("Follow-up 2025 of 'hoganas': closed", output, StringComparison.Ordinal);
        Assert.Null(await engine.Services.GetRequiredService<CycleRepository>().FindAsync("hoganas", 2024));
    }

    static async Task<(int ExitCode, string Output)> RunAsync(string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(LocalHostProcess.HostAssembly);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
