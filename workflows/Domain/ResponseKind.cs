namespace Trygghetsuppfoljning.Workflows.Domain;

public enum ResponseKind
{
    /// <summary>Saved for later; does not count as an answer.</summary>
    Draft,

    /// <summary>Submitted; the latest submitted revision is the owner's answer.</summary>
    Submitted,
}
