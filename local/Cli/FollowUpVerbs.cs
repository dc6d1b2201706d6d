using System.Globalization;

namespace Trygghetsuppfoljning.Local.Cli;

/// <summary>
/// `decide` records the steering group's decision; `effect` enters an effect figure with its source and date; after a
/// return, `reopen` opens chosen owners' forms again until a new deadline and `close-round` ends that round early.
/// Both are calls to a running `serve`'s coordinator API, like the other verbs.
/// </summary>
public static class FollowUpVerbs
{
    public const string Help = """
          decide <agreement> <year> approved|returned [--date 2026-02-10] [--note "text"]   record the steering group's decision (returned needs a note)
          effect <agreement> <year> <measure>/<indicator> <value> --source "NTU 2025, Brå" [--date 2026-01-15]   enter an effect figure
          reopen <agreement> <year> <owner id>[,<owner id>…] --deadline 2026-03-01T12:00:00Z   after a return: open these owners' forms again
          close-round <agreement> <year>   close the reopened forms now; the revised report goes to the steering group
        """;

    public static Task<int> DecideAsync(CliArguments args)
    {
        var decision = args.Required(2, "approved or returned");
        if (decision is not ("approved" or "returned"))
        {
            throw new ArgumentException("The decision is 'approved' or 'returned'.");
        }

        return CallAsync(args, api => api.PostJsonAsync(CyclePath(args) + "/decision", new
        {
            approved = decision == "approved",
            date = args.Option("date") ?? DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            note = args.Option("note"),
        }));
    }

    public static Task<int> EffectAsync(CliArguments args)
    {
        var target = args.Required(2, "measure/indicator").Split('/', 2);
        if (target.Length != 2)
        {
            throw new ArgumentException("Name the figure as <measure>/<indicator>, e.g. m07/trafikskadade.");
        }

        return CallAsync(args, api => api.PostJsonAsync(CyclePath(args) + "/effects", new
        {
            measureId = target[0],
            indicatorId = target[1],
            value = decimal.Parse(args.Required(3, "value").Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture),
            source = args.Option("source") ?? throw new ArgumentException("--source is required: where the figure comes from."),
            sourceDate = args.Option("date") ?? DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }));
    }

    public static Task<int> ReopenAsync(CliArguments args)
    {
        var owners = args.Required(2, "owner ids (comma separated)").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var deadline = args.Option("deadline") ?? throw new ArgumentException("--deadline is required: until when the forms are open again.");
        return CallAsync(args, api => api.PostJsonAsync(CyclePath(args) + "/reopen", new
        {
            ownerIds = owners,
            deadlineUtc = DateTimeOffset.Parse(deadline, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        }));
    }

    public static Task<int> CloseRoundAsync(CliArguments args) => CallAsync(args, api => api.PostAsync(CyclePath(args) + "/reopen/close"));

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
}
