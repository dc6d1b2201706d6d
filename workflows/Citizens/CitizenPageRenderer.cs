using System.Text;
using Trygghetsuppfoljning.Workflows.Templates;

namespace Trygghetsuppfoljning.Workflows.Citizens;

/// <summary>Renders the public pages in templates/public/: a year's summary, an agreement's index of years, and the calm 404.</summary>
public sealed class CitizenPageRenderer(TemplateRenderer renderer)
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    // Public and cacheable for a while, but no scripts, no third-party anything: the page must work without JavaScript.
    static readonly IReadOnlyDictionary<string, string> Headers = new Dictionary<string, string>
    {
        ["Cache-Control"] = "public, max-age=300",
        ["X-Content-Type-Options"] = "nosniff",
        ["Referrer-Policy"] = "no-referrer",
        ["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    };

    static readonly IReadOnlyDictionary<string, string> UncachedHeaders = Headers.ToDictionary(h => h.Key, h => h.Key == "Cache-Control" ? "no-store" : h.Value);

    public PublicResponse Summary(CitizenSummary summary, string lang)
    {
        var content = CitizenPageContent.From(summary, renderer.Texts, lang);
        var model = Common(summary.Municipality, content.Footer, lang);
        model["c"] = content;
        model["docx_href"] = $"{summary.Year}/docx?lang={lang}";
        return Html(200, renderer.Render("public/summary.liquid", lang, model));
    }

    public PublicResponse Index(string municipality, string policeArea, string agreementId, IReadOnlyList<int> years, string lang)
    {
        var t = renderer.Texts;
        var model = Common(municipality, t.Format(lang, "public.footer", municipality, policeArea), lang);
        model["title"] = t.Format(lang, "public.index.title", municipality.Replace(" kommun", string.Empty, StringComparison.Ordinal));
        model["years"] = years.Select(y => new Dictionary<string, object?>
        {
            ["href"] = $"{Uri.EscapeDataString(agreementId)}/{y}?lang={lang}",
            ["label"] = t.Format(lang, "public.index.year", y),
        }).ToList();
        return Html(200, renderer.Render("public/index.liquid", lang, model));
    }

    public PublicResponse NotFound(string lang) =>
        Html(404, renderer.Render("public/not-found.liquid", lang, Common(renderer.Texts.Get(lang, "app.name"), renderer.Texts.Get(lang, "app.name"), lang)));

    /// <summary>Storage did not answer: a calm page that nobody caches, so the published page is back as soon as storage is.</summary>
    public PublicResponse Unavailable(string lang) =>
        new(503, "text/html; charset=utf-8",
            Encoding.UTF8.GetBytes(renderer.Render("public/unavailable.liquid", lang, Common(renderer.Texts.Get(lang, "app.name"), renderer.Texts.Get(lang, "app.name"), lang))),
            UncachedHeaders);

    public CitizenPageContent Content(CitizenSummary summary, string lang) => CitizenPageContent.From(summary, renderer.Texts, lang);

    static Dictionary<string, object?> Common(string municipality, string footer, string lang) => new()
    {
        ["municipality"] = municipality,
        ["footer"] = footer,
        ["other_lang"] = lang == "sv" ? "en" : "sv",
        ["switch_href"] = $"?lang={(lang == "sv" ? "en" : "sv")}",
    };

    static PublicResponse Html(int status, string html) => new(status, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html), Headers);

    public static PublicResponse Docx(byte[] bytes, string fileName) => new(200, DocxContentType, bytes, Headers, fileName);
}
