using Microsoft.Extensions.Options;

namespace Trygghetsuppfoljning.Workflows.Templates;

/// <summary>The one way into templates/: resolves a relative name and fails fast, naming what is missing.</summary>
public sealed class TemplateLoader
{
    readonly string root;

    public TemplateLoader(IOptions<TemplateOptions> options)
        : this(options.Value.Root)
    {
    }

    public TemplateLoader(string root)
    {
        this.root = ResolveRoot(root);
        if (!Directory.Exists(this.root))
        {
            throw new DirectoryNotFoundException($"Template folder '{this.root}' does not exist (Templates:Root).");
        }
    }

    public string Root => root;

    public string PathOf(string name)
    {
        var path = Path.GetFullPath(Path.Combine(root, name));
        if (!path.StartsWith(root, StringComparison.Ordinal) || !File.Exists(path))
        {
            throw new TemplateNotFoundException(name, path);
        }

        return path;
    }

    public bool Exists(string name) => File.Exists(Path.Combine(root, name));

    public string ReadText(string name) => File.ReadAllText(PathOf(name));

    public Stream OpenRead(string name) => File.OpenRead(PathOf(name));

    public byte[] ReadBytes(string name) => File.ReadAllBytes(PathOf(name));

    static string ResolveRoot(string root)
    {
        if (Path.IsPathRooted(root))
        {
            return Path.GetFullPath(root) + Path.DirectorySeparatorChar;
        }

        // Hosts copy templates/ next to their binaries; from a source checkout, walk up to the repository's folder.
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, root);
                if (Directory.Exists(candidate))
                {
                    return Path.GetFullPath(candidate) + Path.DirectorySeparatorChar;
                }
            }
        }

        return Path.GetFullPath(root) + Path.DirectorySeparatorChar;
    }
}
