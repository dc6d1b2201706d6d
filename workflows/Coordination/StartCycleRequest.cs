using System.ComponentModel.DataAnnotations;

namespace Trygghetsuppfoljning.Workflows.Coordination;

/// <summary>Body of <c>POST api/cycles</c> in both hosts. Without a deadline the configured schedule decides it.</summary>
public sealed record StartCycleRequest([property: Required] string AgreementId, [property: Range(2000, 2100)] int Year, DateTimeOffset? DeadlineUtc = null);
