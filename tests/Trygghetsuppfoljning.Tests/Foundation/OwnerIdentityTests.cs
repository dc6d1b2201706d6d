using Trygghetsuppfoljning.Tests.Import;
using Trygghetsuppfoljning.Workflows.Coordination;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Import;

namespace Trygghetsuppfoljning.Tests.Foundation;

public sealed class OwnerIdentityTests
{
    static readonly Agreement Demo = DomainJson.Deserialize<Agreement>(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "templates", "demo", "hoganas.json")));

    [Fact]
    public void Owner_ids_come_from_the_address_so_the_same_roster_sorted_differently_names_the_same_people()
    {
        var (header, rows) = RosterWriter.From(Demo);

        // Two people with the same name at different addresses, in both orders.
        string[] Twin(string email) { var row = (string[])rows[0].Clone(); row[Array.IndexOf(RosterColumns.All.ToArray(), RosterColumns.Email)] = email; row[Array.IndexOf(RosterColumns.All.ToArray(), RosterColumns.Measure)] = "Tvilling " + email; row[Array.IndexOf(RosterColumns.All.ToArray(), RosterColumns.Code)] = string.Empty; return row; }
        var withTwins = rows.Append(Twin("anna.berg@polisen.example")).ToList();
        var first = RosterReader.Read(new MemoryStream(RosterWriter.Write(header, withTwins)));
        var reversed = RosterReader.Read(new MemoryStream(RosterWriter.Write(header, Enumerable.Reverse(withTwins).ToList())));

        Assert.True(first.IsValid, string.Join("\n", first.Lines));
        Assert.True(reversed.IsValid, string.Join("\n", reversed.Lines));
        Dictionary<string, string> IdsByEmail(ImportResult r) => r.Agreement!.Owners.ToDictionary(o => o.Email, o => o.Id);
        Assert.Equal(IdsByEmail(first).OrderBy(x => x.Key), IdsByEmail(reversed).OrderBy(x => x.Key));
        Assert.Equal(first.Agreement!.Owners.Count, first.Agreement.Owners.Select(o => o.Id).Distinct().Count());
        Assert.All(first.Agreement.Measures, m => Assert.Equal(
            first.Agreement.Owners.Single(o => o.Id == m.OwnerId).Email,
            reversed.Agreement!.Owners.Single(o => o.Id == reversed.Agreement.Measures.Single(x => x.Title == m.Title).OwnerId).Email));
    }

    [Fact]
    public void Addresses_whose_slugs_clash_both_get_hashed_ids_whatever_their_order()
    {
        var a = OwnerIds.FromEmail("anna.b@kommun.example");
        var b = OwnerIds.FromEmail("anna-b@kommun.example");
        Assert.Equal(a, b);
        Assert.NotEqual(OwnerIds.FromEmailHashed("anna.b@kommun.example"), OwnerIds.FromEmailHashed("anna-b@kommun.example"));
        Assert.True(OwnerIds.IsValid(OwnerIds.FromEmailHashed("anna.b@kommun.example")));
        Assert.True(OwnerIds.FromEmail(new string('x', 120) + "@kommun.example").Length <= OwnerIds.MaxLength);
    }

    [Theory]
    [InlineData("Nora", "nora@kommun.example", "a/b#c", "a–z")]
    [InlineData("Nora", "inte en adress", null, "e-mail")]
    [InlineData("Nora", "nora@kommun.example\u202E", null, "e-mail")]
    [InlineData("No\u202Era", "nora@kommun.example", null, "name")]
    [InlineData("", "nora@kommun.example", null, "name")]
    public void A_replacement_owner_is_checked_like_an_import(string name, string email, string? id, string complaint)
    {
        var message = new ReplacementOwner(name, email, Organisation.Kommun, id).Validate();

        Assert.NotNull(message);
        Assert.Contains(complaint, message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_replacement_gets_its_id_from_its_address()
    {
        var replacement = new ReplacementOwner("Nora Ny", "Nora.Ny@Hoganas.example", Organisation.Polis);

        Assert.Null(replacement.Validate());
        Assert.Equal("nora-ny-hoganas-example", replacement.ToOwner().Id);
    }
}
