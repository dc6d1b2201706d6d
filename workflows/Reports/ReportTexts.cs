using System.Globalization;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Templates;

namespace Trygghetsuppfoljning.Workflows.Reports;

/// <summary>The report's texts in one language, with the culture that formats its dates and numbers.</summary>
internal sealed class ReportTexts
{
    readonly TextCatalog catalog;

    public ReportTexts(TextCatalog catalog, string language)
    {
        this.catalog = catalog;
        Language = TextCatalog.Normalize(language);
        Culture = CultureInfo.GetCultureInfo(catalog.Get(Language, "report.culture"));
        dateFormat = catalog.Get(Language, "report.dateFormat");
        timeFormat = catalog.Get(Language, "report.timeFormat");
    }

    readonly string dateFormat;
    readonly string timeFormat;

    public string Language { get; }

    public CultureInfo Culture { get; }

    public string this[string key] => catalog.Get(Language, key);

    public string Format(string key, params object[] args) => string.Format(Culture, catalog.Get(Language, key), args);

    public string Date(DateOnly date) => date.ToString(dateFormat, Culture);

    // Submission and reminder times are stored in UTC; the reader lives in Swedish time (23:30 UTC on 3 Feb is 4 Feb).
    public string Date(DateTimeOffset moment) => Date(SwedishTime.DateOf(moment));

    /// <summary>Date and time in Swedish time, e.g. "14 februari 2026 kl. 10:12".</summary>
    public string Time(DateTimeOffset moment) => SwedishTime.ToLocal(moment).ToString(timeFormat, Culture);

    /// <summary>"1 åtgärd" / "3 åtgärder": the key's ".one" form for 1, its ".other" form otherwise, with the count as {0}.</summary>
    public string Count(string key, int count) => Format(count == 1 ? key + ".one" : key + ".other", count);

    /// <summary>"a, b och c" / "a, b and c".</summary>
    public string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + this["report.list.and"] + items[^1],
    };

    public string Number(decimal value) => value.ToString("#,0.##", Culture);

    public string Status(MeasureStatus status) => catalog.Status(Language, status);

    public string Light(TrafficLight light) => catalog.Light(Language, light);

    public string Organisation(Organisation organisation) => catalog.Organisation(Language, organisation);

    public string Period(MandatePeriod period) => $"{Date(period.Start)} – {Date(period.End)}";
}
