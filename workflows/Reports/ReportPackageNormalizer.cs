using System.IO.Compression;

namespace Trygghetsuppfoljning.Workflows.Reports;

/// <summary>
/// System.IO.Packaging stamps every zip entry with the current time, so two generations of the same report would
/// differ byte for byte. Rewriting the entries with the report date as their time makes the file reproducible.
/// </summary>
internal static class ReportPackageNormalizer
{
    public static DateTimeOffset Stamp(DateOnly reportDate) => new(reportDate.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    public static void Rewrite(Stream package, Stream output, DateOnly reportDate)
    {
        var stamp = Stamp(reportDate);
        using var source = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            var copy = target.CreateEntry(entry.FullName, CompressionLevel.Fastest);
            copy.LastWriteTime = stamp;
            using var from = entry.Open();
            using var to = copy.Open();
            from.CopyTo(to);
        }
    }
}
