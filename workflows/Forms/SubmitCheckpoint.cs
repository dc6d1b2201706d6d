namespace Trygghetsuppfoljning.Workflows.Forms;

/// <summary>The moments of a form POST where a host that dies leaves work half done (see <see cref="ISubmitCheckpoints"/>).</summary>
public enum SubmitCheckpoint
{
    /// <summary>The revision is stored; progress and the owner's wake-up event are not yet written.</summary>
    AnswerStored,

    /// <summary>The wake-up event is raised; the receipt and the confirmation page are not yet sent.</summary>
    EventRaised,
}
