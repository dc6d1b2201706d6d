namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>
/// One coordinator action and what came of it: answers are public records, and so is what was done with them.
/// <paramref name="Year"/> is null for actions on the agreement itself (import); <paramref name="Result"/> is the HTTP-like status.
/// </summary>
public sealed record AuditEntry(
    string AgreementId,
    int? Year,
    DateTimeOffset AtUtc,
    string Actor,
    string Action,
    string? Target,
    int Result,
    string Message);
