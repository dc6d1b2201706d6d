using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Import;

/// <summary>What storing an imported agreement would change against the stored one: the import's preview.</summary>
public sealed record AgreementChanges(
    bool IsNew,
    IReadOnlyList<ItemChange> FocusAreasAdded,
    IReadOnlyList<ItemChange> FocusAreasChanged,
    IReadOnlyList<ItemChange> FocusAreasRemoved,
    IReadOnlyList<ItemChange> MeasuresAdded,
    IReadOnlyList<ItemChange> MeasuresChanged,
    IReadOnlyList<ItemChange> MeasuresRemoved,
    IReadOnlyList<ItemChange> OwnersAdded,
    IReadOnlyList<ItemChange> OwnersChanged,
    IReadOnlyList<ItemChange> OwnersRemoved,
    IReadOnlyList<string> AgreementFieldsChanged)
{
    public bool HasRemovals => FocusAreasRemoved.Count + MeasuresRemoved.Count + OwnersRemoved.Count > 0;

    public bool IsEmpty =>
        !IsNew && AgreementFieldsChanged.Count == 0
        && new[] { FocusAreasAdded, FocusAreasChanged, FocusAreasRemoved, MeasuresAdded, MeasuresChanged, MeasuresRemoved, OwnersAdded, OwnersChanged, OwnersRemoved }.All(l => l.Count == 0);

    public static AgreementChanges Between(Agreement? stored, Agreement incoming)
    {
        var (faAdded, faChanged, faRemoved) = Compare(stored?.FocusAreas ?? [], incoming.FocusAreas, f => f.Id, f => f.Title, (a, b) => Fields(
            ("title", a.Title, b.Title), ("description", a.Description, b.Description)));
        var (mAdded, mChanged, mRemoved) = Compare(stored?.Measures ?? [], incoming.Measures, m => m.Id, m => m.Title, (a, b) => Fields(
            ("title", a.Title, b.Title),
            ("focus-area", a.FocusAreaId, b.FocusAreaId),
            ("owner", a.OwnerId, b.OwnerId),
            ("description", a.Description, b.Description),
            ("indicators", DomainJson.Serialize(a.Indicators), DomainJson.Serialize(b.Indicators))));
        var (oAdded, oChanged, oRemoved) = Compare(stored?.Owners ?? [], incoming.Owners, o => o.Id, o => o.Name, (a, b) => Fields(
            ("name", a.Name, b.Name),
            ("email", a.Email, b.Email),
            ("organisation", a.Organisation.ToString(), b.Organisation.ToString()),
            ("owner-title", a.Title, b.Title),
            ("language", a.Language, b.Language)));
        var agreementFields = stored is null ? [] : Fields(
            ("title", stored.Title, incoming.Title),
            ("municipality", stored.Municipality, incoming.Municipality),
            ("police-area", stored.PoliceArea, incoming.PoliceArea),
            ("signed-on", stored.SignedOn.ToString("O"), incoming.SignedOn.ToString("O")),
            ("chair", stored.Chair, incoming.Chair),
            ("citizen-promise", stored.CitizenPromise, incoming.CitizenPromise),
            ("coordinator", DomainJson.Serialize(stored.Coordinator), DomainJson.Serialize(incoming.Coordinator)),
            ("steering-group", DomainJson.Serialize(stored.SteeringGroup), DomainJson.Serialize(incoming.SteeringGroup)));
        return new AgreementChanges(stored is null, faAdded, faChanged, faRemoved, mAdded, mChanged, mRemoved, oAdded, oChanged, oRemoved, agreementFields);
    }

    static (List<ItemChange> Added, List<ItemChange> Changed, List<ItemChange> Removed) Compare<T>(
        IReadOnlyList<T> stored, IReadOnlyList<T> incoming, Func<T, string> id, Func<T, string> title, Func<T, T, IReadOnlyList<string>> differences)
    {
        var before = stored.ToDictionary(id, StringComparer.Ordinal);
        var after = incoming.ToDictionary(id, StringComparer.Ordinal);
        var added = incoming.Where(x => !before.ContainsKey(id(x))).Select(x => new ItemChange(id(x), title(x), [])).ToList();
        var removed = stored.Where(x => !after.ContainsKey(id(x))).Select(x => new ItemChange(id(x), title(x), [])).ToList();
        var changed = incoming
            .Where(x => before.ContainsKey(id(x)))
            .Select(x => new ItemChange(id(x), title(x), differences(before[id(x)], x)))
            .Where(c => c.Fields.Count > 0)
            .ToList();
        return (added, changed, removed);
    }

    static List<string> Fields(params (string Name, string? Before, string? After)[] fields) =>
        fields.Where(f => !string.Equals(f.Before ?? string.Empty, f.After ?? string.Empty, StringComparison.Ordinal)).Select(f => f.Name).ToList();
}
