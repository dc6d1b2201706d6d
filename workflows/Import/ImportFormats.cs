namespace Trygghetsuppfoljning.Workflows.Import;

/// <summary>What the import accepts, said in the coordinator's words whenever a file is not one of them.</summary>
public static class ImportFormats
{
    public const string Accepted =
        "Godkända format: Excel-roster (.xlsx), CSV med semikolon som skiljetecken (.csv, UTF-8) eller JSON (.json). Se templates/import/README.md";

    public const string Unknown = "Filen kunde inte läsas som en överenskommelse. " + Accepted;

    public const string NotReadableXlsx = "Filen är inte en läsbar Excel-arbetsbok (.xlsx). " + Accepted;

    public const string OldExcel = "Filen är i det äldre Excel-formatet (.xls). Spara den som Excel-arbetsbok (.xlsx) eller som CSV UTF-8 och importera igen";

    public const string NotUtf8 = "Filen är inte sparad som UTF-8, så å, ä och ö kan inte läsas säkert. Spara den som \"CSV UTF-8\" och importera igen. " + Accepted;

    public const string Empty = "Filen är tom. " + Accepted;
}
