using System.Globalization;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Forms;

namespace Trygghetsuppfoljning.LoadBench;

/// <summary>The form fields a browser sends when an owner submits all their measures (without the anti-forgery value).</summary>
public static class OwnerAnswers
{
    /// <summary>Fields per owner id, built once in O(measures) rather than per owner with a scan of all measures.</summary>
    public static Dictionary<string, List<KeyValuePair<string, string>>> ForAll(Agreement agreement)
    {
        var result = new Dictionary<string, List<KeyValuePair<string, string>>>(StringComparer.Ordinal);
        foreach (var m in agreement.Measures)
        {
            if (!result.TryGetValue(m.OwnerId, out var fields))
            {
                fields = [new(FormFields.Action, FormFields.ActionSubmit), new(FormFields.Language, "sv")];
                result[m.OwnerId] = fields;
            }

            fields.Add(new(FormFields.Status(m.Id), nameof(MeasureStatus.OnTrack)));
            fields.Add(new(FormFields.Light(m.Id), nameof(TrafficLight.Green)));
            fields.Add(new(FormFields.Comment(m.Id), $"Lägesrapport för {m.Id}: arbetet går enligt plan."));
            fields.Add(new(FormFields.Plan(m.Id), "Fortsätta som planerat."));
            fields.AddRange(m.Indicators.Select(i => new KeyValuePair<string, string>(FormFields.Indicator(m.Id, i.Id), 7.ToString(CultureInfo.GetCultureInfo("sv-SE")))));
        }

        return result;
    }
}
