using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Import;

/// <summary>
/// Either an agreement ready to store, or every error found (and then nothing is stored). Notices are things the
/// import decided on the coordinator's behalf (e.g. an inferred direction): they do not stop it, but are said.
/// </summary>
public sealed record ImportResult(Agreement? Agreement, IReadOnlyList<ImportError> Errors, IReadOnlyList<ImportError>? Notices = null)
{
    public bool IsValid => Agreement is not null && Errors.Count == 0;

    public IReadOnlyList<string> Lines => Errors.Select(e => e.ToString()).ToList();

    public IReadOnlyList<string> NoticeLines => (Notices ?? []).Select(e => e.ToString()).ToList();

    public static ImportResult Failed(params ImportError[] errors) => new(null, errors);
}
