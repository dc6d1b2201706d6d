using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Trygghetsuppfoljning.Local.Cli;
using Trygghetsuppfoljning.Local.Demo;
using Trygghetsuppfoljning.Workflows.Coordination;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Mail;

namespace Trygghetsuppfoljning.Local;

/// <summary>
/// The local host's verbs. `demo` runs a whole compressed cycle and exits; `serve` runs the host; the others are
/// HTTP calls to a running `serve` through the coordinator API (so they behave exactly as the API does), and say
/// what happened in the coordinator's language (Swedish; English with --lang en). Relative paths resolve against
/// the folder the command was run from (the project sets RunWorkingDirectory to it for `dotnet run`).
/// </summary>
public static class LocalCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var verb = args.FirstOrDefault() ?? "help";
        var rest = new CliArguments(args.Skip(1));
        var t = CliTexts.For(rest);
        rest.MissingFormat = t["cli.missingArgument"];
        try
        {
            switch (verb)
            {
                case "demo":
                    var result = await DemoRunner.RunAsync(Console.WriteLine, keepServing: args.Contains("--keep-serving") ? KeepServingAsync : null);
                    Console.WriteLine();
                    PrintDemoResult(result);
                    return 0;
                case "serve":
                    return await ServeCommand.RunAsync(Console.Out);
                case "import":
                    return await ImportAsync(rest, t);
                case "import-history":
                    return await ImportHistoryAsync(rest, t);
                case "start":
                    return await CallAsync(rest, t, api => api.PostJsonAsync("api/cycles", new
                    {
                        agreementId = rest.Required(0, t["cli.arg.agreement"]),
                        year = Year(rest, t),
                        deadlineUtc = rest.Option("deadline") is { } d ? Time(d, t) : (DateTimeOffset?)null,
                    }), (status, body) => status == HttpStatusCode.Accepted ? t.Format("cli.start.ok", rest.Positional[0], Year(rest, t)) : Message(body));
                case "status":
                    return await CallAsync(rest, t, api => api.GetAsync(CyclePath(rest, t)), (_, body) =>
                        StatusSummary.Format(JsonSerializer.Deserialize<CycleStatus>(BodyOf(body), DomainJson.Options)!, t));
                case "extend":
                    var deadline = Time(rest.Required(2, t["cli.arg.deadline"]), t);
                    return await CallAsync(rest, t, api => api.PostJsonAsync(CyclePath(rest, t) + "/extend", new { deadlineUtc = deadline }),
                        (_, _) => t.Format("cli.extend.ok", rest.Positional[0], Year(rest, t), MailComposer.FormatTime(deadline, t.Language)));
                case "close":
                    return await CallAsync(rest, t, api => api.PostAsync(CyclePath(rest, t) + "/close"), (_, _) => t.Format("cli.close.ok", rest.Positional[0], Year(rest, t)));
                case "report":
                    return await ReportAsync(rest, t);
                case "resume":
                    return await CallAsync(rest, t, api => api.PostAsync(CyclePath(rest, t) + "/resume"), (_, body) => Message(body));
                case "migrate":
                    return await CallAsync(rest, t, api => api.PostAsync("api/migrate"), (_, body) => Message(body));
                case "purge":
                    return await CallAsync(rest, t, api => api.PostAsync("api/retention/purge"), (_, body) => t["cli.purge.ok"] + " " + Message(body));
                case "decide":
                    return await FollowUpVerbs.DecideAsync(rest);
                case "effect":
                    return await FollowUpVerbs.EffectAsync(rest);
                case "reopen":
                    return await FollowUpVerbs.ReopenAsync(rest);
                case "close-round":
                    return await FollowUpVerbs.CloseRoundAsync(rest);
                default:
                    Console.WriteLine(t["cli.help"]);
                    Console.WriteLine(FollowUpVerbs.Help.TrimEnd());
                    return verb is "help" or "--help" or "-h" ? 0 : 2;
            }
        }
        catch (HttpRequestException)
        {
            await Console.Error.WriteLineAsync(t.Format("cli.unreachable", rest.Option("url") ?? Environment.GetEnvironmentVariable("TRYGGHET_URL") ?? "http://127.0.0.1:7071"));
            return 2;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or IOException or Workflows.Storage.StorageUnavailableException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
    }

    static int Year(CliArguments args, CliTexts t)
    {
        var text = args.Required(1, t["cli.arg.year"]);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : throw new FormatException(t.Format("cli.badYear", text));
    }

    static void PrintDemoResult(DemoRunner.DemoResult result)
    {
        Console.WriteLine($"Report:         {result.ReportPath}");
        Console.WriteLine($"Delivered mail: {result.DeliveredMailPath}");
        if (result.PublicPagePath is not null)
        {
            Console.WriteLine($"Public page:    {result.PublicPagePath}");
        }

        Console.WriteLine($"All mail:       {Path.Combine(result.OutputFolder, "mail")}");
        Console.WriteLine($"Demo took {result.Elapsed.TotalSeconds:0.0} s.");
    }

    /// <summary>demo --keep-serving: the finished cycle stays on the coordinator's desk until Ctrl+C.</summary>
    static async Task KeepServingAsync(Engine.LocalEngine engine, DemoRunner.DemoResult result)
    {
        Console.WriteLine();
        PrintDemoResult(result);
        Console.WriteLine();
        Console.WriteLine($"The coordinator's desk stays up. One-time sign-in link: {Engine.DeskEndpoints.SignInLink(engine, Environment.UserName)}");
        Console.WriteLine($"Then open the finished cycle: {engine.BaseUrl}/desk/cycles/{result.AgreementId}/{result.Year}   (Ctrl+C stops)");
        await ServeCommand.WaitForStopAsync();
    }

    static string CyclePath(CliArguments args) =>
        $"api/cycles/{Uri.EscapeDataString(args.Required(0, "agreement id"))}/{int.Parse(args.Required(1, "year"), CultureInfo.InvariantCulture)}";

    static DateTimeOffset Time(string text, CliTexts t) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : throw new FormatException(t.Format("cli.badTime", text));

    static string CyclePath(CliArguments args, CliTexts t) =>
        $"api/cycles/{Uri.EscapeDataString(args.Required(0, t["cli.arg.agreement"]))}/{Year(args, t)}";

    /// <summary>The "body" of the API's {message, body} answer, as JSON text.</summary>
    static string BodyOf(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("body", out var b) ? b.GetRawText() : json;
    }

    /// <summary>The API's own message from a response body, if it has one.</summary>
    static string Message(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("message", out var m) ? m.GetString() ?? body : body;
        }
        catch (JsonException)
        {
            return body;
        }
    }

    /// <param name="summary">What success means in the coordinator's words, from the status and body; --json prints the body instead.</param>
    static async Task<int> CallAsync(CliArguments args, CliTexts t, Func<ApiClient, Task<HttpResponseMessage>> call, Func<HttpStatusCode, string, string> summary)
    {
        using var api = ApiClient.FromOptions(args);
        using var response = await call(api);
        var body = await response.Content.ReadAsStringAsync();
        if (args.Flag("json"))
        {
            Console.WriteLine(body);
        }
        else if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            Console.WriteLine(t["cli.unauthorized"]);
        }
        else
        {
            Console.WriteLine(response.IsSuccessStatusCode ? summary(response.StatusCode, body) : t.Format("cli.failed", (int)response.StatusCode, Message(body)));
        }

        return response.IsSuccessStatusCode ? 0 : 1;
    }

    /// <summary>import-history &lt;agreement&gt; &lt;file&gt;: earlier years' figures for trends (JSON, .xlsx or CSV).</summary>
    static Task<int> ImportHistoryAsync(CliArguments args, CliTexts t)
    {
        var agreementId = args.Required(0, t["cli.arg.agreement"]);
        var path = Path.GetFullPath(args.Required(1, t["cli.arg.file"]));
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(t.Format("cli.fileNotFound", path));
        }

        return CallAsync(args, t, async api => await api.PostAsync($"api/agreements/{Uri.EscapeDataString(agreementId)}/history", new ByteArrayContent(await File.ReadAllBytesAsync(path))), (_, body) => Message(body));
    }

    static async Task<int> ImportAsync(CliArguments args, CliTexts t)
    {
        var path = Path.GetFullPath(args.Required(0, t["cli.arg.file"]));
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(t.Format("cli.fileNotFound", path));
        }

        var content = new ByteArrayContent(await File.ReadAllBytesAsync(path));
        content.Headers.ContentType = new MediaTypeHeaderValue(
            path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "text/csv"
            : "application/json");
        using var api = ApiClient.FromOptions(args);
        using var response = await api.PostAsync("api/agreements", content);
        var body = await response.Content.ReadAsStringAsync();
        if (args.Flag("json"))
        {
            Console.WriteLine(body);
            return response.IsSuccessStatusCode ? 0 : 1;
        }

        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            Console.WriteLine(t["cli.unauthorized"]);
            return 1;
        }

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        JsonElement Body() => root.TryGetProperty("body", out var b) ? b : root;
        IEnumerable<string> Strings(string name) =>
            Body().ValueKind == JsonValueKind.Object && Body().TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(e => e.GetString() ?? string.Empty) : [];
        if (response.IsSuccessStatusCode)
        {
            var summary = JsonSerializer.Deserialize<ImportSummary>(Body().GetRawText(), DomainJson.Options)!;
            Console.WriteLine(t.Format("cli.import.ok", summary.AgreementId, summary.FocusAreas, summary.Measures, summary.Owners));
        }
        else
        {
            Console.WriteLine(t["cli.import.failed"]);
            foreach (var error in Strings("errors").DefaultIfEmpty(Message(body)))
            {
                Console.WriteLine("  " + error);
            }
        }

        foreach (var notice in Strings("notices"))
        {
            Console.WriteLine(t.Format("cli.import.notice", notice));
        }

        return response.IsSuccessStatusCode ? 0 : 1;
    }

    static async Task<int> ReportAsync(CliArguments args, CliTexts t)
    {
        using var api = ApiClient.FromOptions(args);
        var query = $"?regenerate={args.Option("regenerate") ?? "false"}&lang={args.Option("lang") ?? "sv"}";
        using var response = await api.GetAsync(CyclePath(args, t) + "/report" + query);
        if (!response.IsSuccessStatusCode)
        {
            Console.WriteLine(response.StatusCode == HttpStatusCode.Unauthorized ? t["cli.unauthorized"] : t.Format("cli.failed", (int)response.StatusCode, Message(await response.Content.ReadAsStringAsync())));
            return 1;
        }

        // [file] as README writes it, or --out; otherwise out/<name> under the folder the command was run from.
        var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? "rapport.docx";
        var file = Path.GetFullPath(args.Option("out") ?? (args.Positional.Count > 2 ? args.Positional[2] : Path.Combine("out", Path.GetFileName(name))));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        Console.WriteLine(t.Format("cli.report.written", file));
        return 0;
    }
}
