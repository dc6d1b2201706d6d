namespace Trygghetsuppfoljning.Workflows.Import;

/// <summary>One measure, owner or focus area an import adds, changes or removes; <paramref name="Fields"/> names what changed.</summary>
public sealed record ItemChange(string Id, string Title, IReadOnlyList<string> Fields);
