namespace Trygghetsuppfoljning.Workflows.Storage;

/// <summary>What a link token grants: one owner, one cycle. The token itself is never stored, only its hash.</summary>
public sealed record LinkTokenRecord(string TokenHash, string AgreementId, int Year, string OwnerId, DateTimeOffset IssuedUtc, DateTimeOffset? RevokedUtc)
{
    public string CycleId => Domain.CycleIds.For(AgreementId, Year);
}
