namespace Trygghetsuppfoljning.Workflows.Coordination;

/// <summary>What an accepted import stored.</summary>
public sealed record ImportSummary(string AgreementId, int FocusAreas, int Measures, int Owners, IReadOnlyList<string>? Notices = null);
