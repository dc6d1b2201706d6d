namespace Trygghetsuppfoljning.Local.Cli;

/// <summary>Positional arguments, <c>--name value</c> options and the flags in <see cref="Flags"/>, nothing more.</summary>
public sealed class CliArguments
{
    /// <summary>Options that take no value.</summary>
    public static readonly IReadOnlySet<string> Flags = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "json" };

    readonly Dictionary<string, string> options = new(StringComparer.OrdinalIgnoreCase);
    readonly List<string> positional = [];

    public CliArguments(IEnumerable<string> args)
    {
        var list = args.ToList();
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i].StartsWith("--", StringComparison.Ordinal) && Flags.Contains(list[i][2..]))
            {
                options[list[i][2..]] = "true";
            }
            else if (list[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < list.Count)
            {
                options[list[i][2..]] = list[++i];
            }
            else
            {
                positional.Add(list[i]);
            }
        }
    }

    /// <summary>The format of the message for a missing argument ({0}: what is missing); set to the coordinator's language.</summary>
    public string MissingFormat { get; set; } = "Missing argument: {0}.";

    public IReadOnlyList<string> Positional => positional;

    public string? Option(string name) => options.GetValueOrDefault(name);

    public bool Flag(string name) => options.TryGetValue(name, out var v) && v == "true";

    public string Required(int index, string what) =>
        index < positional.Count ? positional[index] : throw new ArgumentException(string.Format(System.Globalization.CultureInfo.InvariantCulture, MissingFormat, what));
}
