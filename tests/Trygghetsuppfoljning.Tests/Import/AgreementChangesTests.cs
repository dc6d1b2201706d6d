using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Import;

namespace Trygghetsuppfoljning.Tests.Import;

/// <summary>The import preview: what storing a file would add, change and remove, compared with the stored agreement.</summary>
public sealed class AgreementChangesTests
{
    [Fact]
    public void An_agreement_not_yet_stored_is_new_and_everything_in_it_is_added()
    {
        var incoming = TestAgreements.Small();

        var changes = AgreementChanges.Between(null, incoming);

        Assert.True(changes.IsNew);
        Assert.False(changes.IsEmpty);
        Assert.False(changes.HasRemovals);
        Assert.Equal(incoming.Measures.Select(m => m.Id), changes.MeasuresAdded.Select(c => c.Id));
        Assert.Equal(incoming.Owners.Select(o => o.Id), changes.OwnersAdded.Select(c => c.Id));
    }

    [Fact]
    public void The_same_agreement_again_changes_nothing()
    {
        var changes = AgreementChanges.Between(TestAgreements.Small(), TestAgreements.Small());

        Assert.True(changes.IsEmpty);
        Assert.False(changes.HasRemovals);
    }

    [Fact]
    public void Removed_added_and_changed_measures_and_owners_are_named_with_what_changed()
    {
        var stored = TestAgreements.Small();
        var incoming = stored with
        {
            Measures =
            [
                stored.Measures[0] with { OwnerId = "o2", Title = "Åtgärd 1, ny lydelse" },
                stored.Measures[1],
                stored.Measures[2],
                new Measure("m5", "trafik", "Åtgärd 5", "o2", []),
            ],
            Owners = [stored.Owners[0], stored.Owners[1] with { Email = "ny@test.example" }],
        };

        var changes = AgreementChanges.Between(stored, incoming);

        Assert.True(changes.HasRemovals);
        Assert.Equal("m4", Assert.Single(changes.MeasuresRemoved).Id);
        Assert.Equal("o3", Assert.Single(changes.OwnersRemoved).Id);
        Assert.Equal("m5", Assert.Single(changes.MeasuresAdded).Id);
        var changed = Assert.Single(changes.MeasuresChanged);
        Assert.Equal(["title", "owner"], changed.Fields);
        Assert.Equal(["email"], Assert.Single(changes.OwnersChanged).Fields);
        Assert.Empty(changes.FocusAreasRemoved);
    }
}
