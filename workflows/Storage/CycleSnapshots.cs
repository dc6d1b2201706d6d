using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Storage;

/// <summary>
/// Reads a cycle's roster by key. Cycles stored before rosters existed have none: the first read takes the
/// snapshot from the agreement as stored (what those cycles used), once, and from then on the cycle keeps it.
/// </summary>
public sealed class CycleSnapshots(CycleRepository cycles, CycleRosterRepository rosters, AgreementRepository agreements)
{
    /// <summary>Cycle row + owner row (+ the header, read once per process): O(1) in the size of the agreement.</summary>
    public async Task<CycleOwner?> FindOwnerAsync(string agreementId, int year, string ownerId, CancellationToken cancellationToken = default) =>
        await cycles.FindAsync(agreementId, year, cancellationToken) is { } cycle ? await FindOwnerAsync(cycle, ownerId, cancellationToken) : null;

    /// <summary>The owner in a cycle already read: owner row (+ the header, read once per process).</summary>
    public async Task<CycleOwner?> FindOwnerAsync(Cycle cycle, string ownerId, CancellationToken cancellationToken = default)
    {
        var owner = await rosters.FindOwnerAsync(cycle.Id, ownerId, cancellationToken);
        var header = await rosters.FindHeaderAsync(cycle.Id, cancellationToken);
        if (header is null && await SnapshotFromStoredAgreementAsync(cycle, cancellationToken))
        {
            owner = await rosters.FindOwnerAsync(cycle.Id, ownerId, cancellationToken);
            header = await rosters.FindHeaderAsync(cycle.Id, cancellationToken);
        }

        return owner is null || header is null ? null : new CycleOwner(cycle, header, owner);
    }

    public async Task<CycleOwner> GetOwnerAsync(string agreementId, int year, string ownerId, CancellationToken cancellationToken = default) =>
        await FindOwnerAsync(agreementId, year, ownerId, cancellationToken)
        ?? throw new KeyNotFoundException($"Owner '{ownerId}' is not in the roster of cycle {agreementId} {year}.");

    /// <summary>The whole roster (aggregation, report, status): one partition read.</summary>
    public async Task<CycleRoster?> FindRosterAsync(Cycle cycle, CancellationToken cancellationToken = default)
    {
        var roster = await rosters.FindAsync(cycle.Id, cancellationToken);
        if (roster is null && await SnapshotFromStoredAgreementAsync(cycle, cancellationToken))
        {
            roster = await rosters.FindAsync(cycle.Id, cancellationToken);
        }

        return roster;
    }

    public async Task<CycleRoster> GetRosterAsync(Cycle cycle, CancellationToken cancellationToken = default) =>
        await FindRosterAsync(cycle, cancellationToken) ?? throw new KeyNotFoundException($"Cycle {cycle.Id} has no roster and its agreement is gone.");

    /// <summary>Takes the roster from the agreement as stored now; false when the agreement is gone.</summary>
    public async Task<bool> SnapshotFromStoredAgreementAsync(Cycle cycle, CancellationToken cancellationToken = default)
    {
        var agreement = await agreements.FindAsync(cycle.AgreementId, cancellationToken);
        if (agreement is null)
        {
            return false;
        }

        await rosters.EnsureSnapshotAsync(cycle.Id, agreement, cancellationToken);
        return true;
    }
}
