namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>An owner's place in a cycle's roster: answering now, or replaced mid-cycle (their answers still count and are shown).</summary>
public enum RosterOwnerState
{
    Active,
    Replaced,
}
