namespace Trygghetsuppfoljning.Workflows.Forms;

/// <summary>
/// Fault injection for crash tests: <see cref="FormService"/> reports each <see cref="SubmitCheckpoint"/> it passes.
/// The product registers <see cref="NoSubmitCheckpoints"/>; only the local host, and only when the test-only setting
/// <c>Testing:CrashAt</c> is present, registers one that kills the process there.
/// </summary>
public interface ISubmitCheckpoints
{
    void Reached(SubmitCheckpoint checkpoint);
}
