namespace Trygghetsuppfoljning.Workflows.Domain;

/// <summary>
/// A round after the steering group returned a cycle's report (återremiss): the coordinator reopened the forms of a
/// few owners until <paramref name="DeadlineUtc"/>. While it is <see cref="ReturnRoundState.Open"/> those owners' links
/// open their form again (everyone else's still show the closed page); when it closes, their answers join the cycle's
/// final answers and a revised report goes to the steering group. Only the latest round of a cycle is kept (the audit
/// log keeps every one); <paramref name="Number"/> counts them.
/// </summary>
/// <param name="ReturnedOn">The date of the return this round answers: the report says "Reviderad efter återremiss" with it.</param>
/// <param name="MailedOwnerIds">Owners whose new link has gone out, so a retried mailing never mails twice.</param>
public sealed record ReturnRound(
    string AgreementId,
    int Year,
    int Number,
    DateOnly ReturnedOn,
    IReadOnlyList<string> OwnerIds,
    DateTimeOffset DeadlineUtc,
    ReturnRoundState State,
    DateTimeOffset OpenedUtc,
    string OpenedBy,
    IReadOnlyList<string> MailedOwnerIds,
    DateTimeOffset? ClosedUtc = null)
{
    /// <summary>Whether this owner's form is open again now.</summary>
    public bool Reopens(string ownerId) => State == ReturnRoundState.Open && OwnerIds.Contains(ownerId, StringComparer.Ordinal);
}
