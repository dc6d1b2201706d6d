using Microsoft.DurableTask.Client;
using Trygghetsuppfoljning.Local.Engine;
using Trygghetsuppfoljning.Workflows.Coordination;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Effects;
using Trygghetsuppfoljning.Workflows.Orchestration;

namespace Trygghetsuppfoljning.Local.Demo;

/// <summary>
/// The demo's closing of the loop: the coordinator enters the effect figures (with source and date) while owners
/// answer, and after the report the steering group approves it, which publishes the citizens' page.
/// </summary>
public static class DemoFollowUp
{
    public static async Task EnterEffectFiguresAsync(IServiceProvider services, Agreement agreement, int year, DemoScript script, Action<string> log, CancellationToken cancellationToken)
    {
        var effects = services.GetRequiredService<EffectFigureService>();
        foreach (var (key, figure) in script.Effects ?? [])
        {
            var (measureId, indicatorId) = (key.Split('/')[0], key.Split('/')[1]);
            var result = await effects.RecordAsync(
                agreement.Id, year, new EffectFigureService.EffectFigureInput(measureId, indicatorId, figure.Value, figure.Source, figure.Date), agreement.Coordinator.Name, cancellationToken);
            if (result.StatusCode != 200)
            {
                throw new InvalidOperationException($"Effect figure {key} refused: {result.Message}");
            }
        }

        log($"  {agreement.Coordinator.Name} entered {script.Effects?.Count ?? 0} effect figures with their sources.");
    }

    /// <summary>
    /// Starts the approval instance unless the cycle already did (same deterministic id: a no-op then), records the
    /// steering group's approval as the coordinator, waits for the publication and saves the public page and .docx.
    /// </summary>
    public static async Task<string> ApproveAndPublishAsync(LocalEngine engine, Agreement agreement, int year, string output, Action<string> log, CancellationToken cancellationToken)
    {
        var instanceId = CycleIds.ApprovalInstance(agreement.Id, year);
        await OrchestrationStarter.StartIfNewAsync(
            engine.Client, nameof(SteeringApprovalOrchestrator), instanceId, new SteeringApprovalInput(agreement.Id, year, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(2)), cancellationToken);
        var decidedOn = SwedishTime.DateOf(DateTimeOffset.UtcNow);
        var decision = await engine.Services.GetRequiredService<CoordinatorService>()
            .RecordSteeringDecisionAsync(engine.Client, agreement.Id, year, approved: true, decidedOn, note: null, agreement.Coordinator.Name, cancellationToken);
        log($"  {agreement.Coordinator.Name} recorded the steering group's decision: {decision.Message}");

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(TimeSpan.FromMinutes(1));
        var state = await engine.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, wait.Token);
        var approval = state.ReadOutputAs<SteeringApprovalResult>();
        if (approval?.Outcome != SteeringApprovalOutcome.Approved)
        {
            throw new InvalidOperationException($"The approval ended {state.RuntimeStatus} ({approval?.Outcome}): {state.FailureDetails?.ErrorMessage}");
        }

        var folder = Path.Combine(output, "public");
        Directory.CreateDirectory(folder);
        using var http = new HttpClient { BaseAddress = new Uri(engine.BaseUrl.TrimEnd('/') + "/") };
        var pagePath = Path.Combine(folder, $"{agreement.Id}-{year}.html");
        await File.WriteAllTextAsync(pagePath, await http.GetStringAsync($"public/{agreement.Id}/{year}", cancellationToken), cancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(folder, $"{agreement.Id}-{year}.docx"), await http.GetByteArrayAsync($"public/{agreement.Id}/{year}/docx", cancellationToken), cancellationToken);
        log($"  Published for citizens: {engine.BaseUrl.TrimEnd('/')}/public/{agreement.Id}/{year} (saved to {pagePath}).");
        return pagePath;
    }
}
