namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>The party a measure owner works for.</summary>
public enum Organisation
{
    Kommun,
    Polis,
}
