namespace Trygghetsuppfoljning.Local.Cli;

/// <summary>Positional arguments and <c>--name value</c> options, nothing more.</summary>
public sealed class CliArguments
{
    readonly Dictionary<string, string> options = new(StringComparer.OrdinalIgnoreCase);
    readonly List<string> positional = [];

    public CliArguments(IEnumerable<string> args)
    {
        var list = args.ToList();
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < list.Count)
            {
                options[list[i][2..]] = list[++i];
            }
            else
            {
                positional.Add(list[i]);
            }
        }
    }

    public IReadOnlyList<string> Positional => positional;

    public string? Option(string name) => options.GetValueOrDefault(name);

    public string Required(int index, string what) =>
        index < positional.Count ? positional[index] : throw new ArgumentException($"Missing argument: {what}.");
}
