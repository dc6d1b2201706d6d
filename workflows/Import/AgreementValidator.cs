using System.Net.Mail;
using System.Text.RegularExpressions;
using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Workflows.Import;

/// <summary>
/// Checks an agreement before anything is stored. Each problem carries the path of the value (e.g.
/// <c>owners[2].email</c>) so a reader can turn it into the line or row of its file.
/// </summary>
public static partial class AgreementValidator
{
    public static IReadOnlyList<(string Path, string Message)> Validate(Agreement a)
    {
        var errors = new List<(string, string)>();
        void Require(string? value, string path, string what)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add((path, $"{what} saknas"));
            }
        }

        void Email(string? value, string path)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add((path, "E-post saknas"));
            }
            else if (!IsEmail(value))
            {
                errors.Add((path, $"E-post '{value}' är inte en giltig adress"));
            }
        }

        void Key(string? value, string path, string what)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add((path, $"{what} saknas"));
            }
            else if (!KeyPattern().IsMatch(value))
            {
                errors.Add((path, $"{what} '{value}' får bara innehålla a–z, 0–9 och bindestreck"));
            }
        }

        Key(a.Id, "id", "Id");
        Require(a.Title, "title", "Titel");
        Require(a.Municipality, "municipality", "Kommun");
        Require(a.PoliceArea, "policeArea", "Lokalpolisområde");
        if (a.Coordinator is null)
        {
            errors.Add(("coordinator", "Samordnare saknas"));
        }
        else
        {
            Require(a.Coordinator.Name, "coordinator.name", "Samordnarens namn");
            Email(a.Coordinator.Email, "coordinator.email");
        }

        var steering = a.SteeringGroup ?? [];
        if (steering.Count == 0)
        {
            errors.Add(("steeringGroup", "Styrgruppen saknas (minst en mottagare av rapporten)"));
        }

        for (int i = 0; i < steering.Count; i++)
        {
            Require(steering[i].Name, $"steeringGroup[{i}].name", "Namn");
            Email(steering[i].Email, $"steeringGroup[{i}].email");
        }

        var areas = a.FocusAreas ?? [];
        if (areas.Count == 0)
        {
            errors.Add(("focusAreas", "Fokusområden saknas"));
        }

        var areaIds = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < areas.Count; i++)
        {
            Key(areas[i].Id, $"focusAreas[{i}].id", "Fokusområdets id");
            Require(areas[i].Title, $"focusAreas[{i}].title", "Fokusområdets titel");
            if (areas[i].Id is { } id && !areaIds.Add(id))
            {
                errors.Add(($"focusAreas[{i}].id", $"Fokusområdet '{id}' finns redan"));
            }
        }

        var owners = a.Owners ?? [];
        var ownerIds = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < owners.Count; i++)
        {
            Key(owners[i].Id, $"owners[{i}].id", "Ansvarigs id");
            Require(owners[i].Name, $"owners[{i}].name", "Ansvarig");
            Email(owners[i].Email, $"owners[{i}].email");
            if (owners[i].Id is { } id && !ownerIds.Add(id))
            {
                errors.Add(($"owners[{i}].id", $"Ansvarig '{id}' finns redan"));
            }
        }

        var measures = a.Measures ?? [];
        if (measures.Count == 0)
        {
            errors.Add(("measures", "Åtgärder saknas"));
        }

        var measureIds = new HashSet<string>(StringComparer.Ordinal);
        var measureCodes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < measures.Count; i++)
        {
            var m = measures[i];
            Key(m.Id, $"measures[{i}].id", "Åtgärdens id");
            Require(m.Title, $"measures[{i}].title", "Åtgärd");
            if (m.Id is { } id && !measureIds.Add(id))
            {
                errors.Add(($"measures[{i}].id", $"Åtgärden '{id}' finns redan"));
            }

            // A code is how people refer to a measure in meetings and mails: two measures must not share one.
            if (!string.IsNullOrWhiteSpace(m.Code) && !measureCodes.Add(m.Code.Trim()))
            {
                errors.Add(($"measures[{i}].code", $"Koden '{m.Code.Trim()}' används redan av en annan åtgärd"));
            }

            if (!areaIds.Contains(m.FocusAreaId ?? string.Empty))
            {
                errors.Add(($"measures[{i}].focusAreaId", $"Fokusområdet '{m.FocusAreaId}' finns inte"));
            }

            if (!ownerIds.Contains(m.OwnerId ?? string.Empty))
            {
                errors.Add(($"measures[{i}].ownerId", $"Ansvarig '{m.OwnerId}' finns inte bland de ansvariga"));
            }

            var indicators = m.Indicators ?? [];
            var indicatorIds = new HashSet<string>(StringComparer.Ordinal);
            for (int j = 0; j < indicators.Count; j++)
            {
                Key(indicators[j].Id, $"measures[{i}].indicators[{j}].id", "Indikatorns id");
                Require(indicators[j].Name, $"measures[{i}].indicators[{j}].name", "Indikator");
                Require(indicators[j].Unit, $"measures[{i}].indicators[{j}].unit", "Enhet");
                if (indicators[j].Id is { } iid && !indicatorIds.Add(iid))
                {
                    errors.Add(($"measures[{i}].indicators[{j}].id", $"Indikatorn '{iid}' finns redan för åtgärden"));
                }

                if (IndicatorDirectionCheck.Problem(indicators[j].Name ?? indicators[j].Id ?? string.Empty, indicators[j].Direction, indicators[j].Baseline, indicators[j].Target) is { } problem)
                {
                    errors.Add(($"measures[{i}].indicators[{j}].target", problem));
                }
            }
        }

        errors.AddRange(ValidateFollowUp(a));
        return errors;
    }

    public static bool IsEmail(string value) =>
        MailAddress.TryCreate(value.Trim(), out var address) && address.Address == value.Trim() && address.Host.Contains('.', StringComparison.Ordinal);

    // Ids end up in table keys and durable instance ids: keep them to a safe alphabet.
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex KeyPattern();
}
