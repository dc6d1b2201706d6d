using System.Diagnostics;
using Microsoft.DurableTask.Client;
using MimeKit;
using Trygghetsuppfoljning.Local.Engine;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Orchestration;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Local.Demo;

/// <summary>
/// The demo cycle, end to end on the real parts: Azurite (started here if nothing listens), the durable engine,
/// the HTTP form, .eml mail. Höganäs with two earlier years; a compressed schedule in seconds; simulated owners
/// answer through the form, one only after the reminder, one never. Ends with the report and the delivered mail.
/// </summary>
public static class DemoRunner
{
    public sealed record DemoResult(string ReportPath, string DeliveredMailPath, string OutputFolder, AnnualCycleResult Cycle, TimeSpan Elapsed, string AgreementId = "", int Year = 0, string? PublicPagePath = null);

    /// <param name="keepServing">Called with the running host once the cycle is done (demo --keep-serving); the host stops when it returns.</param>
    public static async Task<DemoResult> RunAsync(
        Action<string> log, TimeSpan? deadlineIn = null, Func<LocalEngine, DemoResult, Task>? keepServing = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var output = Path.Combine(RepositoryPaths.Out, "demo", stamp);
        var mailFolder = Path.Combine(output, "mail");
        Directory.CreateDirectory(mailFolder);

        AzuriteProcess? azurite = null;
        string connectionString;
        if (FreePort.IsListening(10000) && FreePort.IsListening(10001) && FreePort.IsListening(10002))
        {
            connectionString = "UseDevelopmentStorage=true";
            log("Using the Azurite already listening on 10000–10002.");
        }
        else
        {
            azurite = await AzuriteProcess.StartAsync(cancellationToken: cancellationToken);
            connectionString = azurite.ConnectionString;
            log($"Started Azurite (in memory) on 127.0.0.1:{azurite.BlobPort}/{azurite.QueuePort}/{azurite.TablePort}.");
        }

        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = connectionString,
                ["Storage:TablePrefix"] = $"demo{stamp}",
                ["Storage:ReportContainer"] = $"demo-{stamp}",
                ["Local:TaskHubName"] = $"demo{stamp}",
                ["Local:HttpPort"] = "0",
                ["Mail:SmtpHost"] = string.Empty,
                ["Mail:PickupDirectory"] = mailFolder,
                ["Templates:Root"] = RepositoryPaths.Templates,
            };
            await using var engine = await LocalEngine.StartAsync(settings, cancellationToken: cancellationToken);
            log($"Durable engine (Azure Storage backend, task hub demo{stamp}) and form host on {engine.BaseUrl} are up.");
            var result = await RunCycleAsync(engine, output, mailFolder, clock, deadlineIn ?? TimeSpan.FromSeconds(30), log, cancellationToken);
            if (keepServing is not null)
            {
                await keepServing(engine, result);
            }

            return result;
        }
        finally
        {
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }
        }
    }

    static async Task<DemoResult> RunCycleAsync(
        LocalEngine engine, string output, string mailFolder, Stopwatch clock, TimeSpan deadlineIn, Action<string> log, CancellationToken cancellationToken)
    {
        var services = engine.Services;
        var agreement = DomainJson.Deserialize<Agreement>(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Templates, "demo", "hoganas.json"), cancellationToken));
        await services.GetRequiredService<AgreementRepository>().SaveAsync(agreement, cancellationToken);
        var history = DomainJson.Deserialize<Dictionary<int, Dictionary<string, DemoAnswer>>>(
            await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Templates, "demo", "hoganas-history.json"), cancellationToken));
        await ActivatorUtilities.CreateInstance<DemoHistorySeeder>(services).SeedAsync(agreement, history, cancellationToken);
        var script = DomainJson.Deserialize<DemoScript>(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Templates, "demo", "hoganas-answers.json"), cancellationToken));
        log($"Loaded {agreement.Municipality}: {agreement.FocusAreas.Count} focus areas, {agreement.Measures.Count} measures, {agreement.AnsweringOwners().Count} owners, history {string.Join(", ", history.Keys)}.");

        var year = DateTime.UtcNow.Year - 1;
        var now = DateTimeOffset.UtcNow;
        var input = new AnnualCycleInput(agreement.Id, year, now.Add(deadlineIn), [deadlineIn / 2], TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(20));
        var starter = services.GetRequiredService<CycleStarter>();
        var (instanceId, _) = await starter.StartAsync(engine.Client, input, cancellationToken);
        log($"Cycle {instanceId} started: deadline in {deadlineIn.TotalSeconds:0} s, one reminder {deadlineIn.TotalSeconds / 2:0} s before it.");
        await DemoFollowUp.EnterEffectFiguresAsync(services, agreement, year, script, log, cancellationToken);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var owners = new SimulatedOwners(agreement, script, mailFolder, http, log);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadlineIn + TimeSpan.FromMinutes(3));
        OrchestrationMetadata? state;
        while (true)
        {
            await owners.PollAsync(timeout.Token);
            state = await engine.Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
            if (state is { IsCompleted: true })
            {
                break;
            }

            await Task.Delay(250, timeout.Token);
        }

        if (state.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            throw new InvalidOperationException($"The cycle ended {state.RuntimeStatus}: {state.FailureDetails?.ErrorMessage}");
        }

        var result = state.ReadOutputAs<AnnualCycleResult>()!;
        var reportPath = Path.Combine(output, Path.GetFileName(result.ReportBlobName));
        await File.WriteAllBytesAsync(reportPath, await services.GetRequiredService<ReportArchive>().ReadAsync(result.ReportBlobName, cancellationToken), cancellationToken);
        var delivered = Directory.GetFiles(mailFolder, "*.eml")
            .First(f => MimeMessage.Load(f).Headers["X-Trygghet-Kind"] == "report-delivery");
        var progress = await services.GetRequiredService<OwnerProgressRepository>().ListAsync(CycleIds.For(agreement.Id, year), cancellationToken);
        var missing = string.Join(", ", progress.Where(p => p.SubmittedUtc is null).Select(p => agreement.Owners.First(o => o.Id == p.OwnerId).Name));
        log($"Cycle completed: {result.OwnersAnswered} of {result.OwnersTotal} owners answered; missing: {(missing.Length == 0 ? "none" : missing)}.");
        var publicPage = await DemoFollowUp.ApproveAndPublishAsync(engine, agreement, year, output, log, cancellationToken);
        return new DemoResult(reportPath, delivered, output, result, clock.Elapsed, agreement.Id, year, publicPage);
    }
}
