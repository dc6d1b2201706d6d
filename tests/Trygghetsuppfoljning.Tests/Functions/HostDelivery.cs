using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using P = Microsoft.DurableTask.Protobuf;

namespace Trygghetsuppfoljning.Tests.Functions;

/// <summary>What the Functions host's durable extension sends the worker and does with what comes back.</summary>
internal static class HostDelivery
{
    public static readonly DateTime Now = new(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>A new instance's first episode: orchestrator started, execution started with the input the client serialized.</summary>
    public static string OrchestratorRequest(string name, string? input)
    {
        var instance = $"test-{name}";
        var request = new P.OrchestratorRequest { InstanceId = instance };
        request.NewEvents.Add(new P.HistoryEvent { EventId = -1, Timestamp = Timestamp.FromDateTime(Now), OrchestratorStarted = new P.OrchestratorStartedEvent() });
        request.NewEvents.Add(new P.HistoryEvent
        {
            EventId = -1,
            Timestamp = Timestamp.FromDateTime(Now),
            ExecutionStarted = new P.ExecutionStartedEvent
            {
                Name = name,
                Input = input,
                OrchestrationInstance = new P.OrchestrationInstance { InstanceId = instance, ExecutionId = Guid.Empty.ToString("N") },
            },
        });
        return Convert.ToBase64String(Google.Protobuf.MessageExtensions.ToByteArray(request));
    }

    public static P.OrchestratorResponse Decode(string response) => P.OrchestratorResponse.Parser.ParseFrom(Convert.FromBase64String(response));

    /// <summary>
    /// The activity trigger's input: an isolated worker's orchestrator schedules an activity with its input wrapped in a
    /// one-element array, which the host unwraps before handing the JSON to the worker (the host's
    /// DurableActivityContext.GetInputAsJson for dotnet-isolated).
    /// </summary>
    public static string ActivityInput(string scheduledInput)
    {
        using var document = JsonDocument.Parse(scheduledInput);
        Assert.True(document.RootElement.ValueKind == JsonValueKind.Array && document.RootElement.GetArrayLength() == 1, $"Scheduled input is not a one-element array: {scheduledInput}");
        return document.RootElement[0].GetRawText();
    }
}
