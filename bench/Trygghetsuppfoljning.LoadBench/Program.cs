using System.Globalization;
using Trygghetsuppfoljning.LoadBench;

// Scale bench (issue 9). Usage, from the repository root after `npm ci`:
//   dotnet run -c Release --project bench/Trygghetsuppfoljning.LoadBench -- [--owners 100,1000,10000] [--concurrency 16,32,64] [--p3-seconds 10]
// Progress goes to stderr; the result tables (Markdown) to stdout. Traffic only to 127.0.0.1.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var arguments = BenchArguments.Parse(args);
var log = Console.Error;

var cycles = new List<CycleRunResult>();
foreach (var n in arguments.Owners)
{
    var cap = BenchArguments.CapFor(n);
    log.WriteLine($"P1: a whole cycle at N = {n} owners × {LoadAgreement.MeasuresPerOwner} measures (cap {cap.TotalSeconds:0} s)");
    var result = await new CycleRun(n, arguments.AnswerConcurrency, cap, log).RunAsync();
    cycles.Add(result);
    log.WriteLine($"  N={n}: {(result.Completed ? "complete" : "NOT complete")} in {Format(result.TotalSeconds)} s {result.Note}");
}

var throughput = arguments.Concurrencies.Count == 0 ? [] : await new FormThroughputRun(arguments.Concurrencies, arguments.P3Duration, log).RunAsync();

var report = new BenchReport(cycles, throughput);
report.Write(Console.Out);
return report.AllRan ? 0 : 1;

static string Format(double? seconds) => seconds is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) : "–";
