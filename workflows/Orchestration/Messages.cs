namespace Trygghetsuppfoljning.Workflows.Orchestration;

// Records that cross durable boundaries. Their JSON shape is a persisted contract: add members, never rename.
// None of them carries a list that grows with the number of owners: the cycle's history stays the same size at 10
// or 10,000 owners (the owners are read from the cycle's roster in Tables, by the activities).

/// <summary>Input of <see cref="AnnualCycleOrchestrator"/>. The schedule travels in the input so orchestrations stay deterministic.</summary>
/// <param name="OwnerSettleTime">No longer used (owners no longer report back to the cycle); kept so stored inputs still read.</param>
/// <param name="ReceiptDebounce">Submissions within this time of each other get one receipt, for the latest.</param>
public sealed record AnnualCycleInput(
    string AgreementId,
    int Year,
    DateTimeOffset DeadlineUtc,
    IReadOnlyList<TimeSpan> RemindersBeforeDeadline,
    TimeSpan GracePeriod,
    TimeSpan OwnerSettleTime,
    TimeSpan ReceiptDebounce = default);

public sealed record AnnualCycleResult(string CycleId, string ReportBlobName, int OwnersTotal, int OwnersAnswered);

/// <param name="GracePeriod">After the deadline the owner may still answer until the cycle closes, and gets receipts.</param>
public sealed record OwnerInputInput(
    string AgreementId,
    int Year,
    string OwnerId,
    string CycleInstanceId,
    DateTimeOffset DeadlineUtc,
    IReadOnlyList<TimeSpan> RemindersBeforeDeadline,
    TimeSpan GracePeriod = default,
    TimeSpan ReceiptDebounce = default);

public sealed record OwnerInputResult(string OwnerId, bool Submitted, int RemindersSent);

public sealed record PrepareCycleInput(string AgreementId, int Year, DateTimeOffset StartedUtc, DateTimeOffset DeadlineUtc);

/// <param name="DeadlineUtc">The stored deadline: a resumed cycle keeps the one it had, not the one in its input.</param>
public sealed record PrepareCycleResult(int OwnerCount, DateTimeOffset DeadlineUtc, bool Closed);

/// <summary>Starts every active owner's instance of the cycle (those that exist are left alone).</summary>
public sealed record StartOwnerInputsInput(
    string AgreementId, int Year, string CycleInstanceId, DateTimeOffset DeadlineUtc, IReadOnlyList<TimeSpan> RemindersBeforeDeadline, TimeSpan GracePeriod, TimeSpan ReceiptDebounce);

public sealed record OwnerTaskInput(string AgreementId, int Year, string OwnerId);

public sealed record SendReminderInput(string AgreementId, int Year, string OwnerId, int ReminderNumber);

/// <param name="Revision">0: the latest submitted revision, if no receipt covers it yet (the catch-up for a lost wake-up event).</param>
public sealed record SendReceiptInput(string AgreementId, int Year, string OwnerId, int Revision);

public sealed record CycleTaskInput(string AgreementId, int Year);

/// <summary>Cycle → every active owner's instance. <paramref name="NewDeadlineUtc"/> set: the deadline moved; null: the cycle is closing.</summary>
public sealed record SignalOwnersInput(string AgreementId, int Year, DateTimeOffset? NewDeadlineUtc);

/// <param name="KnownDeadlineUtc">The deadline the orchestration acts on: a later one stored in the row (an extension whose event is still on its way) stops the close.</param>
public sealed record CloseCycleInput(string AgreementId, int Year, DateTimeOffset ClosedUtc, DateTimeOffset KnownDeadlineUtc);

public sealed record CloseCycleResult(bool Closed, DateTimeOffset DeadlineUtc);

public sealed record OwnerOutcomesResult(int OwnersTotal, int OwnersAnswered);

public sealed record AggregateCycleResult(int OwnersTotal, int OwnersAnswered);

/// <param name="RevisedAfterReturnOn">Set when the report is delivered again after a return round: the date of the return it answers.</param>
/// <param name="ReturnRound">That round's number (0: the first delivery), so each delivery is its own message.</param>
public sealed record DeliverReportInput(string AgreementId, int Year, string ReportBlobName, DateOnly? RevisedAfterReturnOn = null, int ReturnRound = 0);

/// <summary>Reminds every active owner of the cycle who has not submitted; <paramref name="ReminderNumber"/> is never sent twice to one owner.</summary>
public sealed record RemindOwnersInput(string AgreementId, int Year, int ReminderNumber);

/// <param name="DueBeforeUtc">Receipts due at or before this time; null: every receipt owed (the cycle is closing).</param>
public sealed record SendDueReceiptsInput(string AgreementId, int Year, DateTimeOffset? DueBeforeUtc);
