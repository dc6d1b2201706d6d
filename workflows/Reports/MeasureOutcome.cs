using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Reports;

/// <summary>A measure with its owner and the owner's latest submitted answer (null when missing).</summary>
public sealed record MeasureOutcome(Measure Measure, Owner Owner, MeasureAnswer? Answer, DateTimeOffset? SubmittedUtc);
