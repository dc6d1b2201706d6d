using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Citizens;

/// <summary>
/// What the citizens' page says about one approved year ("Så gick det med våra löften"). Built only from the
/// agreement's own texts (promises, measure and indicator names), counts, figures and the text owners marked as
/// public: no names, no e-mail addresses, no internal comments. Stored as the published snapshot.
/// </summary>
public sealed record CitizenSummary(
    string AgreementId,
    int Year,
    string Municipality,
    string PoliceArea,
    DateOnly ApprovedOn,
    int MeasuresTotal,
    int MeasuresCompleted,
    int MeasuresOnTrack,
    IReadOnlyList<CitizenPromiseSummary> Promises,
    IReadOnlyList<CitizenFigure> Figures,
    IReadOnlyList<CitizenEffect> Effects,
    IReadOnlyList<string> Continuing,
    IReadOnlyList<string> OtherNotes);

/// <summary>A promise, whether it was kept, the counts behind that, and its measures' public notes.</summary>
public sealed record CitizenPromiseSummary(string Text, PromiseVerdict Verdict, int Measures, int Completed, int OnTrack, IReadOnlyList<string> PublicNotes);

/// <summary>What was done, in numbers: a produktion indicator's value this year.</summary>
public sealed record CitizenFigure(string Name, decimal Value, string Unit, decimal? Target);

/// <summary>An effect indicator: this year's figure, the one it is compared with (a year, or the lägesbild's baseline when <see cref="BeforeYear"/> is null), trend and source.</summary>
public sealed record CitizenEffect(string Name, string Unit, decimal Now, decimal? Before, int? BeforeYear, Trend Trend, string? Source, DateOnly? SourceDate);
