namespace Trygghetsuppfoljning.Workflows.Domain;

public enum OwnerProgressState
{
    Pending,
    Invited,
    Reminded,
    Draft,
    Submitted,
    Missing,
}
