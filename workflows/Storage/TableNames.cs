namespace Trygghetsuppfoljning.Workflows.Storage;

/// <summary>Table names (before the configured prefix) and what their keys are.</summary>
public static class TableNames
{
    /// <summary>PK "agreement", RK agreement id.</summary>
    public const string Agreements = "Agreements";

    /// <summary>PK agreement id, RK measure id.</summary>
    public const string Measures = "Measures";

    /// <summary>PK agreement id, RK owner id.</summary>
    public const string Owners = "Owners";

    /// <summary>PK agreement id, RK year.</summary>
    public const string Cycles = "Cycles";

    /// <summary>PK cycle id (one cycle's answers are one partition), RK "{owner}|{revision:D6}".</summary>
    public const string Responses = "Responses";

    /// <summary>PK cycle id, RK owner id.</summary>
    public const string OwnerProgress = "OwnerProgress";

    /// <summary>PK SHA-256 of the link token (hex), RK "".</summary>
    public const string Tokens = "Tokens";

    /// <summary>PK agreement id, RK year: figures kept for trends after the purge.</summary>
    public const string Aggregates = "Aggregates";

    /// <summary>PK agreement id, RK inverted ticks + random: coordinator actions, newest first.</summary>
    public const string Audit = "Audit";

    /// <summary>PK cycle id, RK owner id (one row per owner with their measures) or "_header" (the agreement's header): a cycle's own roster.</summary>
    public const string CycleRoster = "CycleRoster";

    /// <summary>PK cycle id of a closed cycle, RK measure id: the answer that counted, kept so next year's form reads it by key.</summary>
    public const string FinalAnswers = "FinalAnswers";

    /// <summary>PK cycle id, RK inverted ticks + random: what became of each mail (sent, refused, bounced), newest first.</summary>
    public const string MailEvents = "MailEvents";

    /// <summary>PK Message-ID, RK empty: which cycle and owner a sent mail concerned, to match a later bounce.</summary>
    public const string MailMessages = "MailMessages";
}
