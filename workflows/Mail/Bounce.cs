namespace Trygghetsuppfoljning.Workflows.Mail;

/// <summary>One failed recipient in a non-delivery report: which mail of ours (Message-ID) bounced, for whom and why.</summary>
public sealed record Bounce(string OriginalMessageId, string? Recipient, string Diagnostic);
