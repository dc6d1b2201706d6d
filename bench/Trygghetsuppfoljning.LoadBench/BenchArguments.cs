using System.Globalization;

namespace Trygghetsuppfoljning.LoadBench;

/// <summary>
/// <c>--owners 100,1000,10000</c> (P1 sizes; <c>0</c> skips P1), <c>--concurrency 16,32,64</c> (P3; <c>0</c> skips P3),
/// <c>--p3-seconds 10</c> (per level), <c>--answer-concurrency 16</c> (P1 owners answering at once).
/// </summary>
public sealed record BenchArguments(IReadOnlyList<int> Owners, IReadOnlyList<int> Concurrencies, TimeSpan P3Duration, int AnswerConcurrency)
{
    public static BenchArguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected --name value pairs, got '{args[i]}'. Names: --owners, --concurrency, --p3-seconds, --answer-concurrency.");
            }

            values[args[i][2..]] = args[++i];
        }

        var unknown = values.Keys.Except(["owners", "concurrency", "p3-seconds", "answer-concurrency"]).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown option(s): {string.Join(", ", unknown)}.");
        }

        return new BenchArguments(
            List(values.GetValueOrDefault("owners", "100,1000,10000")),
            List(values.GetValueOrDefault("concurrency", "16,32,64")),
            TimeSpan.FromSeconds(int.Parse(values.GetValueOrDefault("p3-seconds", "10"), CultureInfo.InvariantCulture)),
            int.Parse(values.GetValueOrDefault("answer-concurrency", "16"), CultureInfo.InvariantCulture));
    }

    /// <summary>Hard cap of one P1 run: generous against the targets (N = 1,000 in 60 s, 10,000 in 10 min), so a run always ends
    /// (also on a shared, loaded machine: 100 → 310 s, 1,000 → 400 s, 10,000 → 1,300 s).</summary>
    public static TimeSpan CapFor(int owners) => TimeSpan.FromSeconds(300 + (owners * 0.1));

    static List<int> List(string csv) =>
        csv.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s, NumberStyles.AllowThousands, CultureInfo.InvariantCulture))
            .Where(n => n > 0)
            .ToList();
}
