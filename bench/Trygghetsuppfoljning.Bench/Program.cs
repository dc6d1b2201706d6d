using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Trygghetsuppfoljning.Bench;
using Trygghetsuppfoljning.Workflows.Reports;
using Trygghetsuppfoljning.Workflows.Templates;

// Usage: dotnet run -c Release --project bench/Trygghetsuppfoljning.Bench -- [measures=5000] [runs=5]
var measures = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var root = RepositoryRoot();
var work = Path.Combine(root, "out", "bench");
Directory.CreateDirectory(work);

var templates = new TemplateLoader(Path.Combine(root, "templates"));
var generator = new ReportGenerator(templates, new TextCatalog(templates));
var data = BenchData.Create(measures);

GC.Collect();
var baselineMb = Process.GetCurrentProcess().WorkingSet64 / 1024.0 / 1024.0;

// Warm-up run: JIT and template loading are paid once per process, not per report.
byte[] report = Generate();
GC.Collect();
var times = new List<double>();
var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
for (var i = 0; i < runs; i++)
{
    var sw = Stopwatch.StartNew();
    report = Generate();
    times.Add(sw.Elapsed.TotalMilliseconds);
}

var allocatedPerReportMb = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)runs / 1024 / 1024;

var dotnetPeakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
var dotnetPath = Path.Combine(work, "report-dotnet.docx");
File.WriteAllBytes(dotnetPath, report);
var dotnetErrors = Validate(dotnetPath);

var blocks = Path.Combine(work, "blocks.json");
BlockExtractor.Write(report, blocks);
var npmPath = Path.Combine(work, "report-npm-docx.docx");
var node = RunNode(Path.Combine(root, "bench", "docx-compare"), blocks, npmPath, runs);
var npmErrors = Validate(npmPath);

var dotnetMedian = Median(times);
var npmMedian = Median(node.RunsMs);
Console.WriteLine();
Console.WriteLine($"Report for {measures:N0} measures, {runs} timed runs after one warm-up run (median / min).");
Console.WriteLine();
Console.WriteLine("| generator | median ms | min ms | peak memory MB | size KB | validation errors |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
Console.WriteLine($"| ReportGenerator (OpenXml SDK, streaming) | {dotnetMedian:F0} | {times.Min():F0} | {dotnetPeakMb:F0} | {new FileInfo(dotnetPath).Length / 1024} | {dotnetErrors} |");
Console.WriteLine($"| npm docx {node.Version} | {npmMedian:F0} | {node.RunsMs.Min():F0} | {node.MaxRssMb:F0} | {new FileInfo(npmPath).Length / 1024} | {npmErrors} |");
Console.WriteLine();
Console.WriteLine($".NET process: {baselineMb:F0} MB working set with the input data built, before any report; {allocatedPerReportMb:F0} MB allocated per report.");
Console.WriteLine($"Speed-up: {npmMedian / dotnetMedian:F1}× (target ≥ 3×); .NET peak {dotnetPeakMb:F0} MB (target < 250 MB).");
if (dotnetErrors > 0 || npmErrors > 0)
{
    Console.WriteLine("An output with validation errors does not count.");
}

return dotnetErrors == 0 && npmMedian / dotnetMedian >= 3 && dotnetPeakMb < 250 ? 0 : 1;

byte[] Generate()
{
    using var output = new MemoryStream();
    generator.Generate(data, output);
    return output.ToArray();
}

static int Validate(string path)
{
    using var doc = WordprocessingDocument.Open(path, false);
    var errors = new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(doc).ToList();
    foreach (var e in errors.Take(5))
    {
        Console.WriteLine($"  {Path.GetFileName(path)}: {e.Part?.Uri} {e.Path?.XPath}: {e.Description}");
    }

    return errors.Count;
}

static double Median(IReadOnlyList<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static NodeResult RunNode(string folder, string blocks, string output, int runs)
{
    if (!Directory.Exists(Path.Combine(folder, "node_modules", "docx")))
    {
        throw new InvalidOperationException($"Run 'npm ci --prefix {folder}' first.");
    }

    var start = new ProcessStartInfo("node", ["generate.mjs", blocks, output, (runs + 1).ToString(CultureInfo.InvariantCulture)])
    {
        WorkingDirectory = folder,
        RedirectStandardOutput = true,
        UseShellExecute = false,
    };
    using var process = Process.Start(start)!;
    var stdout = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"node generate.mjs exited with {process.ExitCode}.");
    }

    using var json = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
    // The first node run is its warm-up, as for .NET.
    var times = json.RootElement.GetProperty("runsMs").EnumerateArray().Select(e => e.GetDouble()).Skip(1).ToList();
    var version = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "node_modules", "docx", "package.json"))).RootElement.GetProperty("version").GetString();
    return new NodeResult(times, json.RootElement.GetProperty("maxRssMb").GetDouble(), version ?? "?");
}

static string RepositoryRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Trygghetsuppfoljning.sln")))
            {
                return dir.FullName;
            }
        }
    }

    throw new InvalidOperationException("Run the benchmark from inside the repository.");
}
