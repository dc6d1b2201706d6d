using Trygghetsuppfoljning.Tests.Import;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Import;

namespace Trygghetsuppfoljning.Tests.Foundation;

public sealed class ImportBoundsTests
{
    [Fact]
    public void A_roster_whose_parts_unpack_past_the_cap_is_refused_with_a_message_not_read()
    {
        var demo = DomainJson.Deserialize<Agreement>(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "templates", "demo", "hoganas.json")));
        var (header, rows) = RosterWriter.From(demo);
        var xlsx = RosterWriter.Write(header, rows);

        Assert.True(RosterReader.Read(new MemoryStream(xlsx)).IsValid);
        var capped = RosterReader.Read(new MemoryStream(xlsx), maxCharactersInPart: 2_000);

        Assert.False(capped.IsValid);
        Assert.Contains("2 000 tecken", Assert.Single(capped.Lines), StringComparison.Ordinal);
    }
}
