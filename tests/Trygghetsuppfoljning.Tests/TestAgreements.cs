using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Tests;

internal static class TestAgreements
{
    /// <summary>Two focus areas, three owners, four measures: small enough to reason about in a test.</summary>
    public static Agreement Small() => new(
        "testkommun",
        "Samverkansöverenskommelse Testkommun",
        "Testkommun",
        "Lokalpolisområde Test",
        new DateOnly(2023, 3, 14),
        "Ordförande",
        "Medborgarlöfte",
        new Recipient("Samordnare", "samordnare@test.example"),
        [new Recipient("Styrgrupp", "styrgrupp@test.example")],
        [new FocusArea("unga", "Unga i riskzon"), new FocusArea("trafik", "Trafik")],
        [
            new Measure("m1", "unga", "Åtgärd 1", "o1", [new Indicator("i1", "Ärenden", "antal", 40, 30, IndicatorDirection.LowerIsBetter)]),
            new Measure("m2", "unga", "Åtgärd 2", "o2", []),
            new Measure("m3", "trafik", "Åtgärd 3", "o2", []),
            new Measure("m4", "trafik", "Åtgärd 4", "o3", []),
        ],
        [
            new Owner("o1", "Ägare Ett", "o1@test.example", Organisation.Kommun),
            new Owner("o2", "Ägare Två", "o2@test.example", Organisation.Polis),
            new Owner("o3", "Ägare Tre", "o3@test.example", Organisation.Kommun),
        ],
        []);

    public static MeasureAnswer Answer(string measureId, MeasureStatus status, TrafficLight light, decimal? value = null) =>
        new(measureId, status, light, string.Empty, value is null ? new Dictionary<string, decimal?>() : new Dictionary<string, decimal?> { ["i1"] = value }, string.Empty);
}
