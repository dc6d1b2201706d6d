using System.Collections.Frozen;
using System.Text.Json;

namespace Trygghetsuppfoljning.Workflows.Templates;

/// <summary>
/// Every text a user reads, per language, from <c>templates/texts/*.{lang}.json</c> (one file per area: common,
/// form, mail, report). Swedish is the default and the fallback; a key missing in both is a bug in the template
/// set and throws.
/// </summary>
public sealed class TextCatalog
{
    public const string DefaultLanguage = "sv";
    public static readonly IReadOnlyList<string> Languages = ["sv", "en"];

    readonly FrozenDictionary<string, FrozenDictionary<string, string>> texts;

    public TextCatalog(TemplateLoader loader)
    {
        texts = Languages.ToFrozenDictionary(
            lang => lang,
            lang => Load(loader, lang));
    }

    static FrozenDictionary<string, string> Load(TemplateLoader loader, string language)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = Directory.GetFiles(Path.Combine(loader.Root, "texts"), $"*.{language}.json").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new TemplateNotFoundException($"texts/*.{language}.json", Path.Combine(loader.Root, "texts"));
        }

        foreach (var file in files)
        {
            var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file))
                ?? throw new InvalidDataException($"'{file}' is not a JSON object of texts.");
            foreach (var (key, value) in entries)
            {
                if (!merged.TryAdd(key, value))
                {
                    throw new InvalidDataException($"Text '{key}' is defined twice for '{language}' (again in '{file}').");
                }
            }
        }

        return merged.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static string Normalize(string? language) =>
        language is not null && Languages.Contains(language.Trim().ToLowerInvariant()) ? language.Trim().ToLowerInvariant() : DefaultLanguage;

    public string Get(string language, string key)
    {
        if (texts[Normalize(language)].TryGetValue(key, out var text) || texts[DefaultLanguage].TryGetValue(key, out text))
        {
            return text;
        }

        throw new KeyNotFoundException($"Text '{key}' is missing from templates/texts/*.{DefaultLanguage}.json.");
    }

    public string Format(string language, string key, params object[] args) =>
        string.Format(Culture(language), Get(language, key), args);

    /// <summary>The culture that formats dates and numbers for readers of a language.</summary>
    public static System.Globalization.CultureInfo Culture(string? language) =>
        System.Globalization.CultureInfo.GetCultureInfo(Normalize(language) == "en" ? "en-GB" : "sv-SE");

    /// <summary>All texts of a language with Swedish filling any gap; handed to Liquid templates as <c>t</c>.</summary>
    public IReadOnlyDictionary<string, string> All(string language)
    {
        var merged = new Dictionary<string, string>(texts[DefaultLanguage]);
        foreach (var (k, v) in texts[Normalize(language)])
        {
            merged[k] = v;
        }

        return merged;
    }

    public string Status(string language, Domain.MeasureStatus status) => Get(language, $"status.{status}");

    public string Light(string language, Domain.TrafficLight light) => Get(language, $"light.{light}");

    public string Organisation(string language, Domain.Organisation organisation) => Get(language, $"organisation.{organisation}");
}
