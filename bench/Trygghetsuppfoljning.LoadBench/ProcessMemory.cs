using System.Globalization;

namespace Trygghetsuppfoljning.LoadBench;

/// <summary>Peak and current resident memory of a process from /proc (Linux): VmHWM is the kernel's own high-water mark.</summary>
public static class ProcessMemory
{
    /// <summary>VmHWM in MB, or null where /proc is not available.</summary>
    public static double? PeakMb(int processId) => Read(processId, "VmHWM:");

    public static double? CurrentMb(int processId) => Read(processId, "VmRSS:");

    /// <summary>
    /// Resets the high-water mark to the current RSS (writing 5 to clear_refs, Linux ≥ 4.0), so each phase reports its
    /// own peak rather than the largest of all earlier ones. Returns false where that is not allowed.
    /// </summary>
    public static bool TryResetPeak(int processId)
    {
        try
        {
            File.WriteAllText($"/proc/{processId}/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    static double? Read(int processId, string key)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (line.StartsWith(key, StringComparison.Ordinal))
                {
                    var kb = long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                    return kb / 1024.0;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return null;
    }
}
