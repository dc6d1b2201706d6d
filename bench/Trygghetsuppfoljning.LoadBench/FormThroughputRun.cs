using System.Text;
using Trygghetsuppfoljning.Workflows.Coordination;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.LoadBench;

/// <summary>
/// P3: form POST throughput at each concurrency, first against the ceiling (a bare Kestrel endpoint doing one Table
/// upsert, measured before the host exists so nothing else loads Azurite), then against the real host: valid
/// submissions of a 100-owner cycle to the owners' real links, taken from their invitation mails.
/// </summary>
public sealed class FormThroughputRun(IReadOnlyList<int> concurrencies, TimeSpan duration, TextWriter log)
{
    const int Owners = 100;
    const int Year = 2025;
    static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    public async Task<List<ThroughputResult>> RunAsync()
    {
        var results = new List<ThroughputResult>();
        await using var host = await BenchHost.StartAzuriteAsync("p3x");
        var agreement = LoadAgreement.Create("form100", Owners);
        var fields = OwnerAnswers.ForAll(agreement);
        var ownerIds = agreement.Owners.Select(o => o.Id).ToArray();
        using var agent = new FormAgent();

        await using (var ceiling = await CeilingEndpoint.StartAsync(host.Azurite.ConnectionString, host.Prefix + "Ceiling"))
        {
            Func<int, CancellationToken, Task<(int, double)>> To(string route) => (i, ct) =>
            {
                var owner = ownerIds[i % ownerIds.Length];
                return agent.SubmitAsync($"{ceiling.BaseUrl}/{route}/{owner}", "0.x", fields[owner], ct);
            };

            results.AddRange(await MeasureAsync(host, "ceiling: Kestrel + 1 upsert", To("ceiling"), ceiling.StoredAsync));

            // The floor of a safe submission's storage work, so the gap between ceiling and form can be split in two.
            results.AddRange(await MeasureAsync(host, "floor: Kestrel + the submission's 1 transaction", To("transaction"), ceiling.TransactionsStoredAsync));
        }

        var engine = await host.StartEngineAsync(new Dictionary<string, string?>());
        var coordinator = engine.Services.GetRequiredService<CoordinatorService>();
        var imported = await coordinator.ImportAgreementAsync(Encoding.UTF8.GetBytes(DomainJson.Serialize(agreement)), "bench");
        var started = await coordinator.StartAsync(engine.Client, agreement.Id, Year, DateTimeOffset.UtcNow.AddHours(1), "bench");
        if (imported.StatusCode != 200 || started.StatusCode != 202)
        {
            throw new InvalidOperationException($"P3 setup: import {imported.StatusCode}, start {started.StatusCode} ({started.Message})");
        }

        // Every owner's link from their invitation, and one anti-forgery value from one GET (valid for hours, like an open tab).
        var mailbox = new InvitationMailbox(host.MailFolder, agreement.Owners.ToDictionary(o => o.Email, o => o.Id, StringComparer.OrdinalIgnoreCase));
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var invitationTimeout = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            while (links.Count < Owners)
            {
                foreach (var (owner, link) in mailbox.TakeNewInvitations())
                {
                    links[owner] = link;
                }

                await Task.Delay(200, invitationTimeout.Token);
            }
        }

        var antiforgery = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (owner, link) in links)
        {
            antiforgery[owner] = await agent.OpenAsync(link, CancellationToken.None) ?? throw new InvalidOperationException($"The form of {owner} did not open.");
        }

        var responses = engine.Services.GetRequiredService<ResponseRepository>();
        var cycleId = CycleIds.For(agreement.Id, Year);
        async Task<long> StoredRevisionsAsync()
        {
            var heads = await Task.WhenAll(ownerIds.Select(o => responses.RevisionNumbersAsync(cycleId, o)));
            return heads.Sum(h => (long)h.Latest);
        }

        Task<(int, double)> Submit(int i, CancellationToken ct)
        {
            var owner = ownerIds[i % ownerIds.Length];
            return agent.SubmitAsync(links[owner], antiforgery[owner], fields[owner], ct);
        }

        results.AddRange(await MeasureAsync(host, "form: real host, submit", Submit, StoredRevisionsAsync));
        return results;
    }

    /// <summary>One target at each concurrency, after a warm-up at the first: what was acknowledged, what got stored, the CPU it took.</summary>
    async Task<List<ThroughputResult>> MeasureAsync(BenchHost host, string target, Func<int, CancellationToken, Task<(int, double)>> post, Func<Task<long>> storedAsync)
    {
        var results = new List<ThroughputResult>();
        await PostLoad.RunAsync(concurrencies[0], WarmUp, post);
        foreach (var c in concurrencies)
        {
            var before = await storedAsync();
            var cpu = CpuNow(host);
            var r = await PostLoad.RunAsync(c, duration, post);
            var (bench, azurite, load) = CpuSince(host, cpu);
            var stored = await storedAsync() - before;
            results.Add(new ThroughputResult(target, c, r.Seconds, r.Ok, r.Refused, r.Errors, stored, r.Latency, bench, azurite, load));
            log.WriteLine($"  P3 {target} c={c}: {r.Ok / r.Seconds:0} req/s");
        }

        return results;
    }

    static (double Bench, double Azurite, double Load) CpuNow(BenchHost host) =>
        (MachineLoad.CpuSeconds(Environment.ProcessId), MachineLoad.CpuSeconds(host.Azurite.ProcessId), MachineLoad.LoadAverage());

    static (double Bench, double Azurite, double Load) CpuSince(BenchHost host, (double Bench, double Azurite, double Load) before)
    {
        var now = CpuNow(host);
        return (now.Bench - before.Bench, now.Azurite - before.Azurite, (now.Load + before.Load) / 2);
    }
}
