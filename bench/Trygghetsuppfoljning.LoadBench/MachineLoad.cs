using System.Diagnostics;

namespace Trygghetsuppfoljning.LoadBench;

/// <summary>
/// What else the machine was doing, and the CPU this run's processes used: on a shared machine wall times measure the
/// neighbours too, while CPU seconds per unit of work do not (much).
/// </summary>
public static class MachineLoad
{
    /// <summary>The 1-minute load average from /proc/loadavg, or NaN.</summary>
    public static double LoadAverage()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    /// <summary>CPU seconds a process has used so far (user + system), or NaN once it is gone.</summary>
    public static double CpuSeconds(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.TotalProcessorTime.TotalSeconds;
        }
        catch (ArgumentException)
        {
            return double.NaN;
        }
        catch (InvalidOperationException)
        {
            return double.NaN;
        }
    }
}
