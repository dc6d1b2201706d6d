using System.ComponentModel.DataAnnotations;

namespace Trygghetsuppfoljning.Workflows.Coordination;

/// <summary>
/// Body of <c>POST api/cycles/{agreement}/{year}/reopen</c> in both hosts: after the steering group returned the report,
/// whose forms open again (owner ids) and until when.
/// </summary>
public sealed record ReopenOwnersRequest([property: Required] IReadOnlyList<string>? OwnerIds, [property: Required] DateTimeOffset? DeadlineUtc);
