using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Reports;
using Trygghetsuppfoljning.Workflows.Templates;

namespace Trygghetsuppfoljning.Workflows.Citizens;

/// <summary>
/// The citizens' summary as the sentences a reader sees, in one language. The web page and the .docx are both drawn
/// from this, so they cannot say different things.
/// </summary>
public sealed record CitizenPageContent(
    string Language,
    string Title,
    string Lead,
    string Approved,
    string PromisesHeading,
    IReadOnlyList<CitizenPageContent.PromiseBlock> Promises,
    string DoneHeading,
    string DoneOverview,
    IReadOnlyList<string> Figures,
    string EffectsHeading,
    string EffectsIntro,
    IReadOnlyList<CitizenPageContent.EffectBlock> Effects,
    string NextHeading,
    string ContinuingIntro,
    IReadOnlyList<string> Continuing,
    string FollowUp,
    string NotesHeading,
    IReadOnlyList<string> OtherNotes,
    string Footer)
{
    public sealed record PromiseBlock(string Text, string Verdict, string VerdictCode, string Counts, IReadOnlyList<string> Notes);

    public sealed record EffectBlock(string Name, IReadOnlyList<string> Lines, string TrendCode);

    internal static CitizenPageContent From(CitizenSummary s, TextCatalog catalog, string language)
    {
        var t = new ReportTexts(catalog, language);

        // "23 antal" reads badly: a plain count needs no unit word.
        string Unit(string unit) => unit.Equals("antal", StringComparison.OrdinalIgnoreCase) || unit.Equals("number", StringComparison.OrdinalIgnoreCase) ? string.Empty : unit;
        return new CitizenPageContent(
            t.Language,
            t.Format("public.title", s.Year),
            t.Format("public.lead", s.Municipality, s.Year),
            t.Format("public.approved", t.Date(s.ApprovedOn)),
            t["public.promises.heading"],
            s.Promises.Select(p => new PromiseBlock(
                p.Text, t[$"public.promise.verdict.{p.Verdict}"], p.Verdict.ToString(), t.Format("public.promise.counts", p.Completed + p.OnTrack, p.Measures), p.PublicNotes)).ToList(),
            t["public.done.heading"],
            t.Format("public.done.overview", s.MeasuresTotal, s.MeasuresCompleted, s.MeasuresOnTrack),
            s.Figures.Select(f =>
            {
                var line = t.Format("public.done.figure", f.Name, t.Number(f.Value), Unit(f.Unit)).TrimEnd() + ".";
                return f.Target is { } target ? $"{line} {t.Format("public.done.target", t.Number(target), Unit(f.Unit)).Replace(" .", ".", StringComparison.Ordinal)}" : line;
            }).ToList(),
            t["public.effects.heading"],
            t["public.effects.intro"],
            s.Effects.Select(e =>
            {
                var lines = new List<string>();
                if (e.Before is { } before)
                {
                    lines.Add(e.BeforeYear is { } y
                        ? t.Format("public.effects.before-year", y, t.Number(before), Unit(e.Unit)).Replace(" .", ".", StringComparison.Ordinal)
                        : t.Format("public.effects.before-baseline", t.Number(before), Unit(e.Unit)).Replace(" .", ".", StringComparison.Ordinal));
                }

                lines.Add(t.Format("public.effects.now", t.Number(e.Now), Unit(e.Unit)).Replace(" .", ".", StringComparison.Ordinal));
                lines.Add(t[$"public.trend.{e.Trend}"]);
                if (!string.IsNullOrWhiteSpace(e.Source))
                {
                    lines.Add(t.Format("public.effects.source", e.Source, e.SourceDate is { } d ? t.Date(d) : string.Empty).Replace(", .", ".", StringComparison.Ordinal));
                }

                return new EffectBlock(e.Name, lines, e.Trend.ToString());
            }).ToList(),
            t["public.next.heading"],
            t["public.next.continuing"],
            s.Continuing,
            t["public.next.follow-up"],
            t["public.notes.heading"],
            s.OtherNotes,
            t.Format("public.footer", s.Municipality, s.PoliceArea));
    }
}
