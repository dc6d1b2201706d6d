namespace Trygghetsuppfoljning.Workflows.Orchestration;

// Records that cross durable boundaries. Their JSON shape is a persisted contract: add members, never rename.

/// <summary>Input of <see cref="AnnualCycleOrchestrator"/>. The schedule travels in the input so orchestrations stay deterministic.</summary>
public sealed record AnnualCycleInput(
    string AgreementId,
    int Year,
    DateTimeOffset DeadlineUtc,
    IReadOnlyList<TimeSpan> RemindersBeforeDeadline,
    TimeSpan GracePeriod,
    TimeSpan OwnerSettleTime);

public sealed record AnnualCycleResult(string CycleId, string ReportBlobName, int OwnersTotal, int OwnersAnswered, IReadOnlyList<string> MissingOwnerIds);

/// <param name="GracePeriod">Added later (zero when absent): after the deadline the owner may still answer until the cycle closes, and gets receipts.</param>
public sealed record OwnerInputInput(
    string AgreementId, int Year, string OwnerId, string CycleInstanceId, DateTimeOffset DeadlineUtc, IReadOnlyList<TimeSpan> RemindersBeforeDeadline, TimeSpan GracePeriod = default);

/// <param name="LatestSubmittedRevision">Added later (0 when absent): lets the owner's instance catch up on a receipt whose wake-up event was lost.</param>
public sealed record OwnerInputResult(string OwnerId, bool Submitted, int RemindersSent, int LatestSubmittedRevision = 0);

public sealed record ResponseSubmittedEvent(int Revision);

public sealed record DeadlineExtendedEvent(DateTimeOffset NewDeadlineUtc);

public sealed record CloseRequestedEvent(string RequestedBy);

public sealed record OwnerReplacedEvent(string OldOwnerId, string NewOwnerId);

public sealed record PrepareCycleInput(string AgreementId, int Year, DateTimeOffset StartedUtc, DateTimeOffset DeadlineUtc);

public sealed record PrepareCycleResult(IReadOnlyList<string> OwnerIds);

public sealed record OwnerTaskInput(string AgreementId, int Year, string OwnerId);

public sealed record SendReminderInput(string AgreementId, int Year, string OwnerId, int ReminderNumber);

public sealed record SendReceiptInput(string AgreementId, int Year, string OwnerId, int Revision);

public sealed record CycleTaskInput(string AgreementId, int Year);

public sealed record NotifyCycleInput(string CycleInstanceId, OwnerInputResult Result);

public sealed record SignalOwnersInput(string AgreementId, int Year, IReadOnlyList<string> OwnerIds, string EventName, DateTimeOffset? NewDeadlineUtc);

public sealed record CloseCycleInput(string AgreementId, int Year, DateTimeOffset ClosedUtc);

public sealed record AggregateCycleResult(int OwnersTotal, int OwnersAnswered, IReadOnlyList<string> MissingOwnerIds);

public sealed record DeliverReportInput(string AgreementId, int Year, string ReportBlobName);
