namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>
/// One medborgarlöfte: a short text written for citizens, and the measures that keep it. Whether it was kept is
/// derived from those measures' statuses (<see cref="PromiseAssessment"/>).
/// </summary>
public sealed record CitizenPromiseItem(string Id, string Text, IReadOnlyList<string> MeasureIds);
