using System.ComponentModel.DataAnnotations;

namespace Trygghetsuppfoljning.Workflows.Coordination;

/// <summary>Body of <c>POST api/cycles/{agreement}/{year}/extend</c> in both hosts.</summary>
public sealed record ExtendDeadlineRequest([property: Required] DateTimeOffset? DeadlineUtc);
