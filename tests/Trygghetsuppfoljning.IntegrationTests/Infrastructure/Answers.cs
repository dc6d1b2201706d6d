using System.Globalization;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Forms;

namespace Trygghetsuppfoljning.IntegrationTests.Infrastructure;

/// <summary>Builds form fields for an owner's measures.</summary>
public static class Answers
{
    public static List<KeyValuePair<string, string>> For(
        Agreement agreement, string ownerId, string action = FormFields.ActionSubmit, MeasureStatus status = MeasureStatus.OnTrack,
        TrafficLight light = TrafficLight.Green, string comment = "", decimal indicatorValue = 7)
    {
        var fields = new List<KeyValuePair<string, string>> { new(FormFields.Action, action), new(FormFields.Language, "sv") };
        foreach (var m in agreement.MeasuresOf(ownerId))
        {
            fields.Add(new(FormFields.Status(m.Id), status.ToString()));
            fields.Add(new(FormFields.Light(m.Id), light.ToString()));
            fields.Add(new(FormFields.Comment(m.Id), comment));
            fields.Add(new(FormFields.Plan(m.Id), "Fortsätta som planerat."));
            fields.AddRange(m.Indicators.Where(i => i.Kind != Workflows.Domain.IndicatorKind.Effekt).Select(i => new KeyValuePair<string, string>(FormFields.Indicator(m.Id, i.Id), indicatorValue.ToString(CultureInfo.GetCultureInfo("sv-SE")))));
        }

        return fields;
    }
}
