using System.Globalization;
using Trygghetsuppfoljning.LoadBench;

// Scale bench (issue 9). Usage, from the repository root after `npm ci`:
//   dotnet run -c Release --project bench/Trygghetsuppfoljning.LoadBench -- [--owners 100,1000,10000] [--concurrency 16,32,64] [--p3-seconds 10]
// Progress goes to stderr; the result tables (Markdown) to stdout. Traffic only to 127.0.0.1. Each phase runs in a
// child process of this program (PhaseProcess).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var log = Console.Error;

if (args.Length > 0 && args[0] == PhaseProcess.ChildFlag)
{
    // Child: one phase, result as one JSON line on stdout.
    if (args[1] == "p1")
    {
        var owners = int.Parse(args[2], CultureInfo.InvariantCulture);
        PhaseProcess.Report(await new CycleRun(owners, int.Parse(args[3], CultureInfo.InvariantCulture), BenchArguments.CapFor(owners), log).RunAsync());
    }
    else
    {
        var levels = args[2].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        PhaseProcess.Report(await new FormThroughputRun(levels, TimeSpan.FromSeconds(int.Parse(args[3], CultureInfo.InvariantCulture)), log).RunAsync());
    }

    return 0;
}

var arguments = BenchArguments.Parse(args);
var cycles = new List<CycleRunResult>();
foreach (var n in arguments.Owners)
{
    var cap = BenchArguments.CapFor(n);
    log.WriteLine($"P1: a whole cycle at N = {n} owners × {LoadAgreement.MeasuresPerOwner} measures (cap {cap.TotalSeconds:0} s)");
    var result = await PhaseProcess.RunAsync<CycleRunResult>(cap, "p1", PhaseProcess.Arg(n), PhaseProcess.Arg(arguments.AnswerConcurrency));
    if (result is null)
    {
        log.WriteLine($"  N={n}: the phase process gave no result");
        continue;
    }

    cycles.Add(result);
    log.WriteLine($"  N={n}: {(result.Completed ? "complete" : "NOT complete")} in {Format(result.TotalSeconds)} s {result.Note}");
}

var throughput = new List<ThroughputResult>();
if (arguments.Concurrencies.Count > 0)
{
    var p3Cap = TimeSpan.FromSeconds((arguments.Concurrencies.Count * 2 * (arguments.P3Duration.TotalSeconds + 30)) + 240);
    throughput = await PhaseProcess.RunAsync<List<ThroughputResult>>(
        p3Cap, "p3", string.Join(',', arguments.Concurrencies.Select(PhaseProcess.Arg)), PhaseProcess.Arg((int)arguments.P3Duration.TotalSeconds)) ?? [];
}

var report = new BenchReport(cycles, throughput);
report.Write(Console.Out);
return report.AllRan && cycles.Count == arguments.Owners.Count && throughput.Count == arguments.Concurrencies.Count * 3 ? 0 : 1;

static string Format(double? seconds) => seconds is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) : "–";
