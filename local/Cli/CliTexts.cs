using System.Globalization;
using Trygghetsuppfoljning.Workflows.Templates;

namespace Trygghetsuppfoljning.Local.Cli;

/// <summary>What the CLI says to the coordinator, from templates/texts/cli.{sv,en}.json: Swedish unless --lang en.</summary>
public sealed class CliTexts(TextCatalog catalog, string language)
{
    public string Language { get; } = TextCatalog.Normalize(language);

    public CultureInfo Culture => TextCatalog.Culture(Language);

    public string this[string key] => catalog.Get(Language, key);

    public string Format(string key, params object[] args) => string.Format(Culture, catalog.Get(Language, key), args);

    public static CliTexts For(CliArguments args) =>
        new(new TextCatalog(new TemplateLoader(RepositoryPaths.Templates)), args.Option("lang") ?? TextCatalog.DefaultLanguage);
}
