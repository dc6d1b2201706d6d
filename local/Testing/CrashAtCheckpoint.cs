using System.Diagnostics;
using Trygghetsuppfoljning.Workflows.Forms;

namespace Trygghetsuppfoljning.Local.Testing;

/// <summary>
/// Crash tests only: kills the host process (SIGKILL, as the crash tests' own kills do) when a form POST reaches the
/// armed <see cref="SubmitCheckpoint"/>, so the request never completes and nothing after that point runs. Armed by the
/// environment variable <c>Testing__CrashAt</c> (<c>after-store</c> or <c>after-progress</c>), which only tests set.
/// </summary>
public sealed class CrashAtCheckpoint(SubmitCheckpoint armed) : ISubmitCheckpoints
{
    public const string Variable = "Testing__CrashAt";

    public SubmitCheckpoint Armed => armed;

    /// <summary>The armed checkpoint, or null when the variable is absent (always, outside crash tests).</summary>
    public static CrashAtCheckpoint? FromEnvironment() => Environment.GetEnvironmentVariable(Variable) switch
    {
        null or "" => null,
        "after-store" => new CrashAtCheckpoint(SubmitCheckpoint.AnswerStored),
        "after-progress" => new CrashAtCheckpoint(SubmitCheckpoint.ProgressRecorded),
        var other => throw new InvalidOperationException($"{Variable} must be after-store or after-progress, not '{other}'."),
    };

    public void Reached(SubmitCheckpoint checkpoint)
    {
        if (checkpoint != armed)
        {
            return;
        }

        Console.Error.WriteLine($"{Variable}: {checkpoint} reached, the host dies here.");
        Console.Error.Flush();

        // A real death, not an exception: no finally block, response or shutdown code runs after this point.
        Process.GetCurrentProcess().Kill();
        Environment.FailFast($"{Variable}: {checkpoint}");
    }
}
