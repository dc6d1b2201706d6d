using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Storage;

/// <summary>One owner in one cycle, as every owner step needs it: the cycle row, the agreement header and the owner's roster row.</summary>
public sealed record CycleOwner(Cycle Cycle, Agreement Header, RosterOwner Roster)
{
    public Owner Owner => Roster.Owner;

    /// <summary>The agreement narrowed to this owner and their measures (what the form, mails and receipts read).</summary>
    public Agreement Agreement => Roster.ScopedAgreement(Header);

    public IReadOnlyList<Measure> Measures => Agreement.Measures;
}
