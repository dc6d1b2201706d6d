namespace Trygghetsuppfoljning.LoadBench;

/// <summary>P1 at one N. Times in seconds from the start request; null where the phase did not finish within the cap.</summary>
public sealed record CycleRunResult(
    int Owners,
    bool Completed,
    string Note,
    double? AllInvitedSeconds,
    double? FirstAnswerSeconds,
    double? AllAnsweredSeconds,
    double? CloseToReportSeconds,
    double? TotalSeconds,
    int OwnersAnsweredInReport,
    int FailedPosts,
    int? CycleHistoryEvents,
    long? AllHistoryEvents,
    double HostPeakMb,
    double? HostOpenPeakMb,
    IReadOnlyList<double> HostRssAtQuartersMb,
    double AzuritePeakMb,
    double HostCpuSeconds,
    double AzuriteCpuSeconds,
    double GcPausePercent,
    double MeanLoadAverage,
    long? AggregateEntityBytes,
    OwnerInstances? OwnerInstances)
{
    /// <summary>Answering: from the first confirmed answer to the last.</summary>
    public double? AnsweringSeconds => AllAnsweredSeconds - FirstAnswerSeconds;

    /// <summary>
    /// The wall time this run would take if its two processes had the machine's cores to themselves and kept them busy:
    /// (host + Azurite CPU seconds) / cores. A lower bound, and nearly independent of what else the machine runs.
    /// </summary>
    public double CpuBoundSeconds => (HostCpuSeconds + AzuriteCpuSeconds) / Environment.ProcessorCount;

    public double? EventsPerSecond => AllHistoryEvents is { } events && TotalSeconds is { } total && total > 0 ? events / total : null;
}
