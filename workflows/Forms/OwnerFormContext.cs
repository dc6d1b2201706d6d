using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Forms;

/// <summary>What a valid link resolves to: the owner, their measures and the open cycle.</summary>
public sealed record OwnerFormContext(Agreement Agreement, Cycle Cycle, Owner Owner, IReadOnlyList<Measure> Measures, string TokenHash);
