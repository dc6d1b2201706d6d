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

    /// <summary>After the steering group returned the report: open chosen owners' forms again until a new date.</summary>
    public const string Reopen = "reopen";

    /// <summary>Close the reopened forms now; the revised report goes to the steering group.</summary>
    public const string CloseRound = "close-round";

    public static readonly IReadOnlyList<string> All = [Start, Extend, Close, Remind, Resend, Replace, Regenerate, Reopen, CloseRound];

    /// <summary>Actions about one owner carry the owner's id.</summary>
    public static bool NeedsOwner(string action) => action is Resend or Replace;
}
