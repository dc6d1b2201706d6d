namespace Trygghetsuppfoljning.Workflows.Domain;

public enum ReturnRoundState
{
    Open,
    Closed,
}
