using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.IntegrationTests.Resilience;

/// <summary>A large agreement made up for load and crash tests: each owner answers for one measure.</summary>
public static class GeneratedAgreement
{
    public static string OwnerId(int i) => $"o{i:D3}";

    public static Agreement WithOwners(string id, int count)
    {
        var areas = new[] { new FocusArea("ungdom", "Unga i riskzon"), new FocusArea("trafik", "Trafiksäkerhet") };
        var owners = Enumerable.Range(1, count).Select(i => new Owner(
            OwnerId(i), $"Ägare {i:D3}", $"agare{i:D3}@kommun.example", i % 3 == 0 ? Organisation.Polis : Organisation.Kommun)).ToList();
        var measures = owners.Select((o, i) => new Measure(
            $"m{i + 1:D3}", areas[i % 2].Id, $"Åtgärd {i + 1:D3}", o.Id,
            i % 4 == 0 ? [new Indicator("ind", "Antal träffar", "antal", 10, 20)] : [])).ToList();
        return new Agreement(
            id, $"Samverkansöverenskommelse {id}", "Provkommun", "Lokalpolisområde Prov", new DateOnly(2024, 3, 1), "Ordförande Prov", "Ett medborgarlöfte.",
            new Recipient("Samordnare Prov", "samordnare@kommun.example", "Trygghetssamordnare"),
            [new Recipient("Styrgrupp Prov", "styrgrupp@kommun.example")],
            areas, measures, owners, []);
    }
}
