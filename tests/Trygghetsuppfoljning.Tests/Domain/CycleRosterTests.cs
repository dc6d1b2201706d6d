using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Tests.Domain;

public sealed class CycleRosterTests
{
    [Fact]
    public void Snapshot_gives_each_answering_owner_their_own_measures_in_agreement_order_and_leaves_out_owners_without_measures()
    {
        var small = TestAgreements.Small();
        // Interleave two owners' measures and add an owner who answers for nothing.
        var agreement = small with
        {
            Measures = [small.Measures[1], small.Measures[0], small.Measures[3], small.Measures[2]],
            Owners = [.. small.Owners, new Owner("o9", "Ägare Nio", "o9@test.example", Organisation.Kommun)],
        };

        var roster = CycleRoster.Snapshot(agreement);

        Assert.Equal(["o1", "o2", "o3"], roster.Owners.Select(o => o.Owner.Id));
        var o2 = roster.Owners.Single(o => o.Owner.Id == "o2");
        Assert.Equal(["m2", "m3"], o2.Measures.Select(m => m.Measure.Id));
        Assert.Equal([0, 3], o2.Measures.Select(m => m.Order));
        Assert.Equal([1], roster.Owners.Single(o => o.Owner.Id == "o1").Measures.Select(m => m.Order));
        Assert.Equal(["o1", "o2", "o3"], agreement.AnsweringOwners().Select(o => o.Id));
    }
}
