using System.Text.Json;
using Trygghetsuppfoljning.Workflows;
using Trygghetsuppfoljning.Workflows.Orchestration;

namespace Trygghetsuppfoljning.Tests.Functions;

/// <summary>
/// The Functions app cannot be started here (no `func`), so pin what the Worker SDK emitted: every durable task
/// of workflows/ has a trigger under its persisted name, and the HTTP and timer triggers are bound as intended.
/// </summary>
public sealed class FunctionsMetadataTests
{
    static readonly Lazy<JsonElement[]> Functions = new(Load);

    [Fact]
    public void Every_activity_and_orchestrator_of_workflows_has_a_trigger_under_its_task_name()
    {
        foreach (var activity in DurableTasks.Activities)
        {
            Assert.Equal("activityTrigger", TriggerOf(activity.Name).GetProperty("type").GetString());
        }

        Assert.Equal("orchestrationTrigger", TriggerOf(nameof(AnnualFollowUpOrchestrator)).GetProperty("type").GetString());
        Assert.Equal("orchestrationTrigger", TriggerOf(nameof(AnnualCycleOrchestrator)).GetProperty("type").GetString());
        Assert.Equal("orchestrationTrigger", TriggerOf(nameof(OwnerInputOrchestrator)).GetProperty("type").GetString());
    }

    [Fact]
    public void Form_is_anonymous_on_forms_token_and_the_coordinator_api_needs_a_function_key()
    {
        var show = TriggerOf("ShowForm");
        var submit = TriggerOf("SubmitForm");
        Assert.Equal("forms/{token}", show.GetProperty("route").GetString());
        Assert.Equal("forms/{token}", submit.GetProperty("route").GetString());
        Assert.Equal("Anonymous", show.GetProperty("authLevel").GetString());
        Assert.Equal("Anonymous", submit.GetProperty("authLevel").GetString());
        foreach (var name in new[] { "StartCycle", "GetCycleStatus", "ExtendDeadline", "CloseCycle", "ResendOwnerLink", "DownloadReport" })
        {
            var trigger = TriggerOf(name);
            Assert.Equal("Function", trigger.GetProperty("authLevel").GetString());
            Assert.StartsWith("api/cycles", trigger.GetProperty("route").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Approval_orchestrator_is_registered_and_the_citizens_pages_are_anonymous_while_decisions_need_a_function_key()
    {
        Assert.Equal("orchestrationTrigger", TriggerOf(nameof(SteeringApprovalOrchestrator)).GetProperty("type").GetString());
        foreach (var (name, route) in new[] { ("ShowPublicIndex", "public/{agreementId}"), ("ShowPublicSummary", "public/{agreementId}/{year:int}"), ("DownloadPublicSummary", "public/{agreementId}/{year:int}/docx") })
        {
            Assert.Equal("Anonymous", TriggerOf(name).GetProperty("authLevel").GetString());
            Assert.Equal(route, TriggerOf(name).GetProperty("route").GetString());
        }

        foreach (var name in new[] { "RecordSteeringDecision", "ListEffectFigures", "RecordEffectFigure" })
        {
            Assert.Equal("Function", TriggerOf(name).GetProperty("authLevel").GetString());
        }
    }

    [Fact]
    public void Yearly_timer_takes_its_schedule_from_configuration()
    {
        var timer = TriggerOf("StartYearlyCycles");
        Assert.Equal("timerTrigger", timer.GetProperty("type").GetString());
        Assert.Equal("%Schedule:Cron%", timer.GetProperty("schedule").GetString());
    }

    [Fact]
    public void Desk_is_one_anonymous_get_and_post_route_under_desk_because_App_Service_Authentication_guards_it_and_the_app_checks_the_role()
    {
        var desk = TriggerOf("ServeDesk");
        Assert.Equal("desk/{*path}", desk.GetProperty("route").GetString());
        Assert.Equal("Anonymous", desk.GetProperty("authLevel").GetString());
        Assert.Equal(["get", "post"], desk.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()).Order().ToArray());
        Assert.Equal("timerTrigger", TriggerOf("PollBounceMailbox").GetProperty("type").GetString());
    }

    static JsonElement TriggerOf(string functionName)
    {
        var function = Functions.Value.SingleOrDefault(f => f.GetProperty("name").GetString() == functionName);
        Assert.True(function.ValueKind == JsonValueKind.Object, $"functions.metadata has no function '{functionName}'.");
        return function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
    }

    static JsonElement[] Load()
    {
        // The test project builds the Functions app first (a build-order-only reference); its output sits in the root bin/.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var path = Path.Combine(TestPaths.RepositoryRoot, "bin", configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: build Trygghetsuppfoljning.Functions.csproj.");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement.EnumerateArray().ToArray();
    }
}
