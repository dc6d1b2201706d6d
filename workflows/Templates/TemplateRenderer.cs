using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Fluid;

namespace Trygghetsuppfoljning.Workflows.Templates;

/// <summary>
/// Renders Liquid templates (Fluid) from templates/. Values are HTML-encoded unless a template opts out with
/// <c>| raw</c>; the model's members are exposed as top-level names and the language's texts as <c>t</c>.
/// </summary>
public sealed class TemplateRenderer(TemplateLoader loader, TextCatalog texts)
{
    static readonly FluidParser Parser = new();

    // Encodes markup characters (<, >, &, quotes) but leaves å, ä, ö, emoji and RTL script readable in the source.
    static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
    readonly Fluid.TemplateOptions options = CreateOptions(loader.Root);

    readonly ConcurrentDictionary<string, IFluidTemplate> cache = new(StringComparer.Ordinal);

    public TextCatalog Texts => texts;

    public string Render(string templateName, string language, IReadOnlyDictionary<string, object?> model, bool html = true)
    {
        var template = cache.GetOrAdd(templateName, Parse);
        var context = new TemplateContext(options);
        context.SetValue("t", texts.All(language));
        context.SetValue("lang", TextCatalog.Normalize(language));
        foreach (var (name, value) in model)
        {
            context.SetValue(name, value);
        }

        return template.Render(context, html ? Html : NullEncoder.Default);
    }

    /// <summary>Renders a one-line template held in the text catalogue (e.g. a mail subject), never HTML-encoded.</summary>
    public string RenderText(string textKey, string language, IReadOnlyDictionary<string, object?> model)
    {
        var source = texts.Get(language, textKey);
        if (!Parser.TryParse(source, out var template, out var error))
        {
            throw new InvalidDataException($"Text '{textKey}' is not a valid Liquid template: {error}");
        }

        var context = new TemplateContext(options);
        foreach (var (name, value) in model)
        {
            context.SetValue(name, value);
        }

        return template.Render(context, NullEncoder.Default);
    }

    IFluidTemplate Parse(string name)
    {
        var source = loader.ReadText(name);
        if (!Parser.TryParse(source, out var template, out var error))
        {
            throw new InvalidDataException($"Template '{name}' is not valid Liquid: {error}");
        }

        return template;
    }

    static Fluid.TemplateOptions CreateOptions(string root) => new()
    {
        // Models are our own records and dictionaries, never user-supplied objects.
        MemberAccessStrategy = new UnsafeMemberAccessStrategy(),

        // {% include 'form/_layout-top' %} resolves inside templates/ only.
        FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(root),
    };
}
