using System.Diagnostics;
using System.Text.RegularExpressions;
using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.Local;
using Trygghetsuppfoljning.Workflows.Domain;
using Xunit.Abstractions;

namespace Trygghetsuppfoljning.IntegrationTests;

/// <summary>The README's demo command, as a newcomer runs it: its own process, its own Azurite, exits by itself.</summary>
[Collection(AzuriteTests.Name)]
public sealed partial class DemoTests(ITestOutputHelper output)
{
    [Fact]
    public void Demo_runs_a_whole_cycle_exits_by_itself_and_its_report_shows_every_focus_area_status_and_the_missing_owner()
    {
        var localDll = Path.Combine(Path.GetDirectoryName(typeof(LocalCli).Assembly.Location)!, "Trygghetsuppfoljning.Local.dll");
        var clock = Stopwatch.StartNew();

        var (exitCode, printed) = ExternalTool.Run("dotnet", [localDll, "demo"], TimeSpan.FromMinutes(5), RepositoryPaths.Root);

        output.WriteLine(printed);
        output.WriteLine($"Demo wall time: {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(0, exitCode);
        var report = ReportLine().Match(printed).Groups[1].Value.Trim();
        var mail = MailLine().Match(printed).Groups[1].Value.Trim();
        Assert.True(File.Exists(report), $"The demo printed no existing report path:\n{printed}");
        Assert.True(File.Exists(mail), $"The demo printed no existing delivered mail path:\n{printed}");

        // The Azurite the demo started (it prints its ports) is gone: nothing listens there any more.
        var ports = AzuritePorts().Match(printed);
        Assert.True(ports.Success || printed.Contains("Azurite already listening", StringComparison.Ordinal), $"The demo did not say which Azurite it used:\n{printed}");
        Assert.All(ports.Groups.Values.Skip(1).Where(g => g.Success), g => Assert.False(Local.Engine.FreePort.IsListening(int.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture)), $"port {g.Value} still listens"));

        var agreement = DomainJson.Deserialize<Agreement>(File.ReadAllText(Path.Combine(RepositoryPaths.Templates, "demo", "hoganas.json")));
        var text = ExternalTool.RenderedText(report);
        Assert.All(agreement.FocusAreas, a => Assert.Contains(a.Title, text, StringComparison.Ordinal));
        Assert.All(agreement.Measures, m => Assert.Contains(Words(m.Title)[0], text, StringComparison.Ordinal));
        Assert.Contains("Erik Dahl", text, StringComparison.Ordinal);
        Assert.Contains("Försenad", text, StringComparison.Ordinal);
        Assert.Contains("Genomförd", text, StringComparison.Ordinal);
    }

    static string[] Words(string title) => [string.Join(' ', title.Split(' ').Take(3))];

    [GeneratedRegex(@"Started Azurite \(in memory\) on 127\.0\.0\.1:(\d+)/(\d+)/(\d+)")]
    private static partial Regex AzuritePorts();

    [GeneratedRegex(@"Report:\s+(.+)")]
    private static partial Regex ReportLine();

    [GeneratedRegex(@"Delivered mail:\s+(.+)")]
    private static partial Regex MailLine();
}
