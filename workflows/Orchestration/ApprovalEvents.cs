namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>External event names of the approval instance. Persisted contract: never rename while instances run.</summary>
public static class ApprovalEvents
{
    /// <summary>Coordinator → approval instance: the steering group's decision is stored in Tables.</summary>
    public const string SteeringDecisionRecorded = nameof(SteeringDecisionRecordedEvent);
}
