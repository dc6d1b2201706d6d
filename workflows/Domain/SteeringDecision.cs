namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>
/// The steering group's decision on a cycle's report, as the coordinator recorded it: approved (fastställd) on a
/// date, or returned with a note. Only an approved cycle's citizens' summary is published.
/// </summary>
public sealed record SteeringDecision(
    string AgreementId,
    int Year,
    bool Approved,
    DateOnly DecidedOn,
    string? Note,
    string RecordedBy,
    DateTimeOffset RecordedUtc);
