using System.Globalization;
using System.Net.Http.Headers;
using Trygghetsuppfoljning.Local.Cli;
using Trygghetsuppfoljning.Local.Demo;

namespace Trygghetsuppfoljning.Local;

/// <summary>
/// The local host's verbs. `demo` runs a whole compressed cycle and exits; `serve` runs the host; the others are
/// HTTP calls to a running `serve` through the coordinator API (so they behave exactly as the API does).
/// </summary>
public static class LocalCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var verb = args.FirstOrDefault() ?? "help";
        var rest = new CliArguments(args.Skip(1));
        try
        {
            switch (verb)
            {
                case "demo":
                    var result = await DemoRunner.RunAsync(Console.WriteLine);
                    Console.WriteLine();
                    Console.WriteLine($"Report:         {result.ReportPath}");
                    Console.WriteLine($"Delivered mail: {result.DeliveredMailPath}");
                    Console.WriteLine($"Public page:    {result.PublicPagePath}");
                    Console.WriteLine($"All mail:       {Path.Combine(result.OutputFolder, "mail")}");
                    Console.WriteLine($"Demo took {result.Elapsed.TotalSeconds:0.0} s.");
                    return 0;
                case "serve":
                    return await ServeCommand.RunAsync(Console.Out);
                case "import":
                    return await ImportAsync(rest);
                case "start":
                    return await CallAsync(rest, api => api.PostJsonAsync("api/cycles", new
                    {
                        agreementId = rest.Required(0, "agreement id"),
                        year = int.Parse(rest.Required(1, "year"), CultureInfo.InvariantCulture),
                        deadlineUtc = rest.Option("deadline") is { } d ? DateTimeOffset.Parse(d, CultureInfo.InvariantCulture) : (DateTimeOffset?)null,
                    }));
                case "status":
                    return await CallAsync(rest, api => api.GetAsync(CyclePath(rest)));
                case "extend":
                    return await CallAsync(rest, api => api.PostJsonAsync(
                        CyclePath(rest) + "/extend", new { deadlineUtc = DateTimeOffset.Parse(rest.Required(2, "new deadline (ISO 8601)"), CultureInfo.InvariantCulture) }));
                case "close":
                    return await CallAsync(rest, api => api.PostAsync(CyclePath(rest) + "/close"));
                case "report":
                    return await ReportAsync(rest);
                case "purge":
                    return await CallAsync(rest, api => api.PostAsync("api/retention/purge"));
                case "decide":
                    return await FollowUpVerbs.DecideAsync(rest);
                case "effect":
                    return await FollowUpVerbs.EffectAsync(rest);
                default:
                    Console.WriteLine($"""
                        Trygghetsuppföljning, local host.
                          demo                                 run a whole follow-up cycle for the Höganäs demo on Azurite, with simulated owners, and exit
                          serve                                run the host (form + coordinator API) until Ctrl+C; settings from appsettings.json and the environment
                          import <file.json|file.xlsx>         load an agreement (all or nothing; errors listed by line/row)
                          start <agreement> <year> [--deadline 2026-02-15T12:00:00Z]
                          status <agreement> <year>
                          extend <agreement> <year> <new deadline>
                          close <agreement> <year>
                          report <agreement> <year> [--out file.docx] [--regenerate true] [--lang sv|en]
                          purge                                delete answers, progress and links of cycles closed longer ago than Retention:Period
                        {FollowUpVerbs.Help.TrimEnd()}
                        The API verbs talk to a running `serve`: --url (or TRYGGHET_URL, default http://127.0.0.1:7071) and
                        --key (or TRYGGHET_API_KEY / Coordinator__ApiKey).
                        """);
                    return verb == "help" ? 0 : 2;
            }
        }
        catch (Exception e) when (e is ArgumentException or FormatException or HttpRequestException or IOException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
    }

    static string CyclePath(CliArguments args) =>
        $"api/cycles/{Uri.EscapeDataString(args.Required(0, "agreement id"))}/{int.Parse(args.Required(1, "year"), CultureInfo.InvariantCulture)}";

    static async Task<int> CallAsync(CliArguments args, Func<ApiClient, Task<HttpResponseMessage>> call)
    {
        using var api = ApiClient.FromOptions(args);
        using var response = await call(api);
        Console.WriteLine($"{(int)response.StatusCode} {response.ReasonPhrase}");
        Console.WriteLine(await response.Content.ReadAsStringAsync());
        return response.IsSuccessStatusCode ? 0 : 1;
    }

    static Task<int> ImportAsync(CliArguments args)
    {
        var path = args.Required(0, "file to import");
        var bytes = File.ReadAllBytes(path);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : "application/json");
        return CallAsync(args, api => api.PostAsync("api/agreements", content));
    }

    static async Task<int> ReportAsync(CliArguments args)
    {
        using var api = ApiClient.FromOptions(args);
        var query = $"?regenerate={args.Option("regenerate") ?? "false"}&lang={args.Option("lang") ?? "sv"}";
        using var response = await api.GetAsync(CyclePath(args) + "/report" + query);
        if (!response.IsSuccessStatusCode)
        {
            Console.WriteLine($"{(int)response.StatusCode} {response.ReasonPhrase}");
            return 1;
        }

        var file = args.Option("out") ?? response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? "rapport.docx";
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        Console.WriteLine($"Report written to {Path.GetFullPath(file)}");
        return 0;
    }
}
