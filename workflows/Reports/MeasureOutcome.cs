using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Reports;

/// <summary>A measure with its owner and the answer that counts (null when missing).</summary>
/// <param name="AnsweredBy">Who gave the answer when it was not <paramref name="Owner"/>: an owner replaced mid-cycle.</param>
public sealed record MeasureOutcome(Measure Measure, Owner Owner, MeasureAnswer? Answer, DateTimeOffset? SubmittedUtc, Owner? AnsweredBy = null);
