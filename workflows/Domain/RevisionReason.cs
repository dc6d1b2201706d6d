namespace Trygghetsuppfoljning.Workflows.Domain;

public enum RevisionReason
{
    /// <summary>The agreement was signed or revised within the current mandate period and no party asked for more.</summary>
    NotDue,

    /// <summary>Nothing has been signed or revised in the current mandate period.</summary>
    NoRevisionInCurrentMandatePeriod,

    /// <summary>A party asked for a revision after the latest signing or revision.</summary>
    RequestedByParty,
}
