using Google.Protobuf.WellKnownTypes;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.Extensions.Options;
using Trygghetsuppfoljning.Functions;
using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.Tests.Functions;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Orchestration;
using Trygghetsuppfoljning.Workflows.Storage;
using P = Microsoft.DurableTask.Protobuf;

namespace Trygghetsuppfoljning.IntegrationTests.Functions;

/// <summary>
/// The cycle's first two steps through the Functions app's own wrappers, as the host drives them: the orchestrator
/// wrapper runs from an encoded request, its scheduled input reaches the activity wrapper (called through its [Function]
/// method with the app's services, on Azurite), and the activity's result goes back into the next episode.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class FunctionsDurableTriggerTests(AzuriteFixture azurite)
{
    const int Year = 2026;

    [Fact]
    public async Task The_cycle_wrapper_schedules_prepare_cycle_whose_wrapper_prepares_the_cycle_and_its_result_leads_to_starting_the_owners()
    {
        await using var smtp = new SmtpCapture();
        using var app = FunctionsApp.Build(TestEngine.Settings(azurite, smtp, TestEngine.NewPrefix()));
        var converter = app.Services.GetRequiredService<IOptions<DurableTaskWorkerOptions>>().Value.DataConverter;
        var agreement = DomainJson.Deserialize<Agreement>(await File.ReadAllTextAsync(Path.Combine(Local.RepositoryPaths.Templates, "demo", "hoganas.json")));
        await app.Services.GetRequiredService<AgreementRepository>().SaveAsync(agreement);
        var deadline = new DateTimeOffset(2026, 12, 15, 16, 0, 0, TimeSpan.Zero);
        var input = new AnnualCycleInput(agreement.Id, Year, deadline, [TimeSpan.FromDays(7)], TimeSpan.FromDays(3), TimeSpan.Zero);
        var instance = CycleIds.CycleInstance(agreement.Id, Year);

        // Episode 1: the orchestrator wrapper schedules PrepareCycleActivity.
        var first = P.OrchestratorRequest.Parser.ParseFrom(Convert.FromBase64String(HostDelivery.OrchestratorRequest(nameof(AnnualFollowUpOrchestrator), converter.Serialize(input))));
        var scheduled = Assert.Single(RunCycleWrapper(first, app.Services).Actions).ScheduleTask;
        Assert.Equal(nameof(PrepareCycleActivity), scheduled.Name);

        // The activity wrapper, called through its [Function] method with the input as the host delivers it.
        var prepareInput = converter.Deserialize<PrepareCycleInput>(HostDelivery.ActivityInput(scheduled.Input))!;
        var prepared = await ActivityFunctions.PrepareCycle(prepareInput, instance, new TestFunctionContext(app.Services, nameof(PrepareCycleActivity)));
        Assert.Equal(agreement.Owners.Count, prepared.OwnerCount);
        Assert.Equal(deadline, prepared.DeadlineUtc);
        var cycle = await app.Services.GetRequiredService<CycleRepository>().GetAsync(agreement.Id, Year);
        Assert.Equal(CycleState.Open, cycle.State);

        // Episode 2: the result, serialized by the worker, completes the task; the orchestrator goes on to invite the owners.
        var second = new P.OrchestratorRequest { InstanceId = first.InstanceId };
        second.PastEvents.AddRange(first.NewEvents);
        second.PastEvents.Add(new P.HistoryEvent { EventId = 0, Timestamp = Timestamp.FromDateTime(HostDelivery.Now), TaskScheduled = new P.TaskScheduledEvent { Name = scheduled.Name, Input = scheduled.Input } });
        second.NewEvents.Add(new P.HistoryEvent { EventId = -1, Timestamp = Timestamp.FromDateTime(HostDelivery.Now.AddSeconds(1)), OrchestratorStarted = new P.OrchestratorStartedEvent() });
        second.NewEvents.Add(new P.HistoryEvent { EventId = -1, Timestamp = Timestamp.FromDateTime(HostDelivery.Now.AddSeconds(1)), TaskCompleted = new P.TaskCompletedEvent { TaskScheduledId = 0, Result = converter.Serialize(prepared) } });
        var next = Assert.Single(RunCycleWrapper(second, app.Services).Actions).ScheduleTask;
        Assert.Equal(nameof(InviteOwnersActivity), next.Name);
        Assert.Equal(new CycleTaskInput(agreement.Id, Year), converter.Deserialize<CycleTaskInput>(HostDelivery.ActivityInput(next.Input)));
    }

    static P.OrchestratorResponse RunCycleWrapper(P.OrchestratorRequest request, IServiceProvider services) =>
        HostDelivery.Decode(GrpcOrchestrationRunner.LoadAndRun(
            Convert.ToBase64String(Google.Protobuf.MessageExtensions.ToByteArray(request)),
            new FunctionsTriggerOrchestrator(typeof(OrchestratorFunctions).GetMethod(nameof(OrchestratorFunctions.RunAnnualFollowUp))!, services),
            services));
}
