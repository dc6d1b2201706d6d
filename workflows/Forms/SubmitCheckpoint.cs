namespace Trygghetsuppfoljning.Workflows.Forms;

/// <summary>The moments of a form POST where a host that dies leaves work half done (see <see cref="ISubmitCheckpoints"/>).</summary>
public enum SubmitCheckpoint
{
    /// <summary>The revision and the receipt it is owed are stored (one transaction); progress and the page are not yet written.</summary>
    AnswerStored,

    /// <summary>Progress is recorded too; the confirmation page and the receipt are not yet sent.</summary>
    ProgressRecorded,
}
