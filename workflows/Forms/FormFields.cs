namespace Trygghetsuppfoljning.Workflows.Forms;

/// <summary>Names of the form's fields: the page, the parser and the demo's simulated owners agree on these.</summary>
public static class FormFields
{
    public const string Action = "action";
    public const string ActionDraft = "draft";
    public const string ActionSubmit = "submit";
    public const string Antiforgery = "__af";
    public const string Language = "lang";

    /// <summary>The language switch on the form page is a submit button, so changing language keeps what was typed.</summary>
    public const string SwitchLanguage = "switch-lang";

    public static string Status(string measureId) => $"m.{measureId}.status";

    public static string Light(string measureId) => $"m.{measureId}.light";

    public static string Comment(string measureId) => $"m.{measureId}.comment";

    public static string Plan(string measureId) => $"m.{measureId}.plan";

    /// <summary>Text the owner marks for citizens: the only free text the public summary may show.</summary>
    public static string PublicNote(string measureId) => $"m.{measureId}.public";

    public static string Indicator(string measureId, string indicatorId) => $"m.{measureId}.ind.{indicatorId}";
}
