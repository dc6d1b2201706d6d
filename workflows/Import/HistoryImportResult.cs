using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Import;

/// <summary>Earlier years ready to store as figures-only aggregates, or every error (and then nothing is stored).</summary>
public sealed record HistoryImportResult(IReadOnlyList<CycleAggregate> Years, IReadOnlyList<ImportError> Errors)
{
    public IReadOnlyList<string> Lines => Errors.Select(e => e.ToString()).ToList();

    public static HistoryImportResult Failed(params ImportError[] errors) => new([], errors);
}
