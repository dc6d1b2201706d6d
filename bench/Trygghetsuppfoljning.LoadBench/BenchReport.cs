using System.Globalization;

namespace Trygghetsuppfoljning.LoadBench;

/// <summary>The run's result as Markdown tables (ready for bench/README.md), with the issue's targets checked.</summary>
public sealed class BenchReport(IReadOnlyList<CycleRunResult> cycles, IReadOnlyList<ThroughputResult> throughput)
{
    /// <summary>Every phase ran to its end and nothing acknowledged went missing (targets are reported, not required).</summary>
    public bool AllRan => cycles.All(c => c.Completed) && throughput.All(t => t.Stored == t.Acknowledged);

    public void Write(TextWriter o)
    {
        o.WriteLine();
        o.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        if (cycles.Count > 0)
        {
            WriteCycles(o);
        }

        if (throughput.Count > 0)
        {
            WriteThroughput(o);
        }
    }

    void WriteCycles(TextWriter o)
    {
        o.WriteLine();
        o.WriteLine("P1 — whole cycle (N owners × 5 measures; seconds from the start request)");
        o.WriteLine();
        o.WriteLine("| N owners | start → all invited | answering (first → last) | start → all answered | close → report | total | cycle history events | all history events | history events/s | host peak RSS MB | host peak RSS MB until all answered | Azurite peak RSS MB | host CPU s | Azurite CPU s | CPU-bound s | GC pause % | load avg | complete |");
        o.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var c in cycles)
        {
            o.WriteLine(
                $"| {c.Owners:N0} | {S(c.AllInvitedSeconds)} | {S(c.AnsweringSeconds)} | {S(c.AllAnsweredSeconds)} | {S(c.CloseToReportSeconds)} | {S(c.TotalSeconds)} | " +
                $"{c.CycleHistoryEvents?.ToString(CultureInfo.InvariantCulture) ?? "–"} | {c.AllHistoryEvents?.ToString("N0", CultureInfo.InvariantCulture) ?? "–"} | {S(c.EventsPerSecond, "0")} | " +
                $"{c.HostPeakMb:0} | {S(c.HostOpenPeakMb, "0")} | {c.AzuritePeakMb:0} | {c.HostCpuSeconds:0} | {c.AzuriteCpuSeconds:0} | {c.CpuBoundSeconds:0} | {c.GcPausePercent:0.0} | {c.MeanLoadAverage:0} | {(c.Completed ? "yes" : "no")} |");
        }

        foreach (var c in cycles)
        {
            var notes = new[]
            {
                c.Note,
                c.FailedPosts > 0 ? $"{c.FailedPosts} form posts without confirmation (retried)" : string.Empty,
                c.OwnerInstances?.ToString() ?? string.Empty,
                c.HostRssAtQuartersMb.Count == 4 ? $"host RSS at 25/50/75/100 % answered: {string.Join(" / ", c.HostRssAtQuartersMb.Select(m => m.ToString("0", CultureInfo.InvariantCulture)))} MB" : string.Empty,
            }.Where(s => s.Length > 0);
            o.WriteLine($"- N = {c.Owners:N0}: {string.Join("; ", notes)}");
        }

        o.WriteLine();
        var n100 = cycles.FirstOrDefault(c => c.Owners == 100);
        var n1000 = cycles.FirstOrDefault(c => c.Owners == 1000);
        var n10000 = cycles.FirstOrDefault(c => c.Owners == 10000);
        if (n1000 is not null)
        {
            o.WriteLine(Target("N = 1,000 whole cycle ≤ 60 s", n1000.Completed && n1000.TotalSeconds <= 60, $"{S(n1000.TotalSeconds)} s (CPU-bound {n1000.CpuBoundSeconds:0} s)"));
        }

        if (n100?.TotalSeconds is { } t100 && n1000?.TotalSeconds is { } t1000)
        {
            o.WriteLine(Target("N = 1,000 / N = 100 time ≤ 11×", t1000 / t100 <= 11, $"{t1000 / t100:0.0}×"));
        }

        if (n10000 is not null)
        {
            o.WriteLine(Target("N = 10,000 completes ≤ 10 min", n10000.Completed && n10000.TotalSeconds <= 600, $"{S(n10000.TotalSeconds)} s"));
            if (n1000 is not null)
            {
                o.WriteLine($"- host peak RSS N = 10,000 vs 1,000: {n10000.HostPeakMb:0} MB vs {n1000.HostPeakMb:0} MB ({n10000.HostPeakMb / n1000.HostPeakMb:0.00}×)");
            }
        }

        foreach (var c in cycles.Where(c => c.AggregateEntityBytes is not null))
        {
            o.WriteLine(Target(
                $"N = {c.Owners:N0}: largest cycle aggregate entity within Azure's 1 MiB", c.AggregateEntityBytes <= AggregateEntitySize.AzureEntityLimit,
                $"{c.AggregateEntityBytes / 1024.0:0} KiB"));
        }

        var histories = cycles.Where(c => c.CycleHistoryEvents is not null).Select(c => $"{c.CycleHistoryEvents} at N = {c.Owners:N0}").ToList();
        if (histories.Count > 1)
        {
            o.WriteLine(Target(
                "cycle history independent of N", cycles.Select(c => c.CycleHistoryEvents).Distinct().Count() == 1, string.Join(", ", histories)));
        }
    }

    void WriteThroughput(TextWriter o)
    {
        o.WriteLine();
        o.WriteLine("P3 — form POST, N = 100 owners × 5 measures (requests spread over all owners' links)");
        o.WriteLine();
        o.WriteLine("| target | concurrency | requests/s | p50 ms | p99 ms | max ms | acknowledged (200) | stored | other status | errors | CPU ms/request | of it bench process | of it Azurite | CPU-bound requests/s | load avg |");
        o.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var t in throughput)
        {
            o.WriteLine(
                $"| {t.Target} | {t.Concurrency} | {t.RequestsPerSecond:0} | {t.Latency.P50:0.0} | {t.Latency.P99:0.0} | {t.Latency.Max:0} | {t.Acknowledged:N0} | {t.Stored:N0} | {t.Refused} | {t.Errors} | {t.CpuMsPerRequest:0.0} | {t.BenchCpuMsPerRequest:0.0} | {t.AzuriteCpuMsPerRequest:0.0} | {t.CpuBoundRequestsPerSecond:0} | {t.LoadAverage:0} |");
        }

        o.WriteLine();
        foreach (var form in throughput.Where(t => t.Target.StartsWith("form", StringComparison.Ordinal)))
        {
            var ceiling = throughput.FirstOrDefault(t => t.Target.StartsWith("ceiling", StringComparison.Ordinal) && t.Concurrency == form.Concurrency);
            if (ceiling is not null)
            {
                o.WriteLine(
                    $"- c = {form.Concurrency}: form at {form.RequestsPerSecond / ceiling.RequestsPerSecond * 100:0} % of the ceiling's requests/s; " +
                    $"CPU per request {form.CpuMsPerRequest / ceiling.CpuMsPerRequest:0.0}× the ceiling's ({form.CpuBoundRequestsPerSecond / ceiling.CpuBoundRequestsPerSecond * 100:0} % by CPU)");
                if (throughput.FirstOrDefault(t => t.Target.StartsWith("floor", StringComparison.Ordinal) && t.Concurrency == form.Concurrency) is { } floor)
                {
                    o.WriteLine(
                        $"- c = {form.Concurrency}: the floor (the submission's transaction alone, no read, no check) at {floor.RequestsPerSecond / ceiling.RequestsPerSecond * 100:0} % " +
                        $"of the ceiling, p99 {floor.Latency.P99:0} ms; form at {form.RequestsPerSecond / floor.RequestsPerSecond * 100:0} % of the floor");
                }
            }
        }

        var at32 = throughput.FirstOrDefault(t => t.Target.StartsWith("form", StringComparison.Ordinal) && t.Concurrency == 32);
        var ceiling32 = throughput.FirstOrDefault(t => t.Target.StartsWith("ceiling", StringComparison.Ordinal) && t.Concurrency == 32);
        if (at32 is not null && ceiling32 is not null)
        {
            var share = at32.RequestsPerSecond / ceiling32.RequestsPerSecond;
            o.WriteLine(Target("c = 32: form ≥ 70 % of the ceiling", share >= 0.7, $"{share * 100:0} %"));
            o.WriteLine(Target("c = 32: form p99 < 50 ms", at32.Latency.P99 < 50, $"{at32.Latency.P99:0} ms"));
        }

        o.WriteLine(Target("stored == acknowledged, every row", throughput.All(t => t.Stored == t.Acknowledged),
            string.Join(", ", throughput.Where(t => t.Stored != t.Acknowledged).Select(t => $"{t.Target} c={t.Concurrency}: {t.Stored} stored of {t.Acknowledged}"))));
    }

    static string Target(string what, bool met, string measured) => $"- {(met ? "MET   " : "MISSED")} {what}: {measured}";

    static string S(double? value, string format = "0.0") => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "–";
}
