using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.LoadBench;

/// <summary>
/// A made-up agreement of N owners with five measures each (as issue 9 measures it), an indicator on every fourth
/// measure, spread over four focus areas. Owner ids and addresses are derived from the index so a mail maps back.
/// </summary>
public static class LoadAgreement
{
    public const int MeasuresPerOwner = 5;

    public static string OwnerId(int i) => $"o{i:D5}";

    public static string EmailOf(int i) => $"agare{i:D5}@kommun.example";

    public static Agreement Create(string id, int owners)
    {
        var areas = new[]
        {
            new FocusArea("ungdom", "Unga i riskzon"), new FocusArea("trafik", "Trafiksäkerhet"),
            new FocusArea("narkotika", "Narkotika"), new FocusArea("naringsliv", "Näringslivet"),
        };
        var ownerList = Enumerable.Range(1, owners)
            .Select(i => new Owner(OwnerId(i), $"Ägare {i:D5}", EmailOf(i), i % 3 == 0 ? Organisation.Polis : Organisation.Kommun))
            .ToList();
        var measures = new List<Measure>(owners * MeasuresPerOwner);
        foreach (var owner in ownerList)
        {
            for (var k = 1; k <= MeasuresPerOwner; k++)
            {
                var n = measures.Count;
                measures.Add(new Measure(
                    $"m{n + 1:D6}", areas[n % areas.Length].Id, $"Åtgärd {n + 1:D6}", owner.Id,
                    n % 4 == 0 ? [new Indicator("ind", "Antal träffar", "antal", 10, 20)] : []));
            }
        }

        return new Agreement(
            id, $"Samverkansöverenskommelse {id}", "Provkommun", "Lokalpolisområde Prov", new DateOnly(2024, 3, 1), "Ordförande Prov",
            "Ett medborgarlöfte.", new Recipient("Samordnare Prov", "samordnare@kommun.example", "Trygghetssamordnare"),
            [new Recipient("Styrgrupp Prov", "styrgrupp@kommun.example")], areas, measures, ownerList, []);
    }
}
