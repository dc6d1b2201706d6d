namespace Trygghetsuppfoljning.Tests;

internal static class TestPaths
{
    /// <summary>The folder holding Trygghetsuppfoljning.sln, found from the test binaries.</summary>
    public static string RepositoryRoot { get; } = Find();

    static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Trygghetsuppfoljning.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Trygghetsuppfoljning.sln above {AppContext.BaseDirectory}.");
    }
}
