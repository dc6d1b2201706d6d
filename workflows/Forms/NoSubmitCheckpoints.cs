namespace Trygghetsuppfoljning.Workflows.Forms;

/// <summary>The product's checkpoints: nothing happens.</summary>
public sealed class NoSubmitCheckpoints : ISubmitCheckpoints
{
    public void Reached(SubmitCheckpoint checkpoint)
    {
    }
}
