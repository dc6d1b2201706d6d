namespace Trygghetsuppfoljning.Workflows.Domain;

public enum CycleState
{
    Open,
    Closed,
}
