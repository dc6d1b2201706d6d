using Microsoft.DurableTask;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

// Records that cross durable boundaries. Their JSON shape is a persisted contract: add members, never rename.

/// <summary>Input of <see cref="StartSteeringApprovalActivity"/>: the cycle whose report now waits for the steering group.</summary>
public sealed record StartSteeringApprovalInput(string AgreementId, int Year);

/// <summary>
/// Input of <see cref="SteeringApprovalOrchestrator"/>. The schedule travels in the input so the orchestration stays
/// deterministic: a reminder to the coordinator every <paramref name="ReminderInterval"/>, and no wait beyond
/// <paramref name="MaxWait"/> from the start.
/// </summary>
public sealed record SteeringApprovalInput(string AgreementId, int Year, TimeSpan ReminderInterval, TimeSpan MaxWait);

/// <param name="Outcome">Approved, Returned (the last decision was a return and no approval followed) or NoDecision.</param>
public sealed record SteeringApprovalResult(string AgreementId, int Year, SteeringApprovalOutcome Outcome, int RemindersSent, DateOnly? DecidedOn);

public enum SteeringApprovalOutcome
{
    Approved,
    Returned,
    NoDecision,
}

/// <summary>
/// Coordinator → approval instance: a decision was stored. Only a wake-up; the orchestration reads the decision
/// from Tables, so an event lost to a missing instance loses nothing.
/// </summary>
[DurableEvent(nameof(SteeringDecisionRecordedEvent))]
public sealed record SteeringDecisionRecordedEvent(bool Approved);

public sealed record ApprovalTaskInput(string AgreementId, int Year);

public sealed record SendApprovalReminderInput(string AgreementId, int Year, int ReminderNumber);

/// <summary>The stored decision as the orchestration needs it; <see cref="Decided"/> false when none is stored.</summary>
/// <param name="OpenRound">The number of the return round open now (0: none), which the orchestration then runs to its end.</param>
/// <param name="RoundDeadlineUtc">That round's deadline.</param>
public sealed record StoredDecision(bool Decided, bool Approved, DateOnly? DecidedOn, int OpenRound = 0, DateTimeOffset? RoundDeadlineUtc = null);

/// <summary>
/// Coordinator → approval instance: a return round was opened (stored first; see
/// <see cref="Domain.ReturnRound"/>). Only a wake-up: the instance reads the round from Tables.
/// </summary>
[DurableEvent(nameof(ReturnRoundOpenedEvent))]
public sealed record ReturnRoundOpenedEvent(int Number);

/// <summary>Coordinator → approval instance: close the open return round now, before its deadline.</summary>
[DurableEvent(nameof(ReturnRoundCloseRequestedEvent))]
public sealed record ReturnRoundCloseRequestedEvent(int Number);

public sealed record ReturnRoundTaskInput(string AgreementId, int Year, int Number);

/// <param name="Closed">False when the round was not open (already closed by a retry, or another round): nothing to take in.</param>
/// <param name="OwnerIds">The reopened owners (a handful, chosen by hand): each gets the receipt for an answer given in the round.</param>
public sealed record CloseReturnRoundResult(bool Closed, IReadOnlyList<string> OwnerIds, DateOnly ReturnedOn);
