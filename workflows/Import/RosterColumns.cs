namespace Trygghetsuppfoljning.Workflows.Import;

/// <summary>The roster's sheet names, column headings and header keys (templates/import/README.md documents them).</summary>
public static class RosterColumns
{
    public const string MeasuresSheet = "Åtgärder";
    public const string AgreementSheet = "Överenskommelse";

    public const string FocusArea = "Fokusområde";
    public const string Measure = "Åtgärd";
    public const string Owner = "Ansvarig";
    public const string Email = "E-post";
    public const string Organisation = "Organisation";
    public const string Indicator = "Indikator";
    public const string Unit = "Enhet";
    public const string Baseline = "Utgångsvärde";
    public const string Target = "Mål";
    public const string Direction = "Riktning";
    public const string Code = "Kod";

    /// <summary>Optional: Produktion (default), Process or Effekt, Brå's three kinds of follow-up (<see cref="RosterKind"/>).</summary>
    public const string Kind = "Typ";

    /// <summary>Every heading, in the order the example roster uses (Kod and Typ last, so older rosters keep their layout).</summary>
    public static readonly IReadOnlyList<string> All = [FocusArea, Measure, Owner, Email, Organisation, Indicator, Unit, Baseline, Target, Direction, Code, Kind];

    public static readonly IReadOnlyList<string> Required = [FocusArea, Measure, Owner, Email, Organisation];

    public const string KeyId = "Id";
    public const string KeyTitle = "Titel";
    public const string KeyMunicipality = "Kommun";
    public const string KeyPoliceArea = "Lokalpolisområde";
    public const string KeySignedOn = "Undertecknad";
    public const string KeyChair = "Ordförande";
    public const string KeyCitizenPromise = "Medborgarlöfte";
    public const string KeyCoordinator = "Samordnare";
    public const string KeySteeringGroup = "Styrgrupp";
}
