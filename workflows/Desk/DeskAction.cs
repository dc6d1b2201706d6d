namespace Trygghetsuppfoljning.Workflows.Desk;

/// <summary>The actions on a cycle; each has a confirm page (GET) and does its work only on the confirmed POST.</summary>
public static class DeskAction
{
    public const string Start = "start";
    public const string Extend = "extend";
    public const string Close = "close";
    public const string Remind = "remind";
    public const string Resend = "resend";
    public const string Replace = "replace";
    public const string Regenerate = "regenerate";

    public static readonly IReadOnlyList<string> All = [Start, Extend, Close, Remind, Resend, Replace, Regenerate];

    /// <summary>Actions about one owner carry the owner's id.</summary>
    public static bool NeedsOwner(string action) => action is Resend or Replace;
}
