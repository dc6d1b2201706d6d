namespace Trygghetsuppfoljning.Workflows.Coordination;

/// <summary>The JSON every coordinator action answers with, in both hosts: a sentence for the human and the action's data.</summary>
public sealed record CoordinatorResponse(string Message, object? Body = null);
