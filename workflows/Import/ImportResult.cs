using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Import;

/// <summary>Either an agreement ready to store, or every error found (and then nothing is stored).</summary>
public sealed record ImportResult(Agreement? Agreement, IReadOnlyList<ImportError> Errors)
{
    public bool IsValid => Agreement is not null && Errors.Count == 0;

    public IReadOnlyList<string> Lines => Errors.Select(e => e.ToString()).ToList();

    public static ImportResult Failed(params ImportError[] errors) => new(null, errors);
}
