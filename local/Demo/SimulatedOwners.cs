using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using MimeKit;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Forms;

namespace Trygghetsuppfoljning.Local.Demo;

/// <summary>
/// Plays the measure owners: reads the mail that arrives in the pickup folder and answers through the real HTTP
/// form (GET the page, take its anti-forgery value, POST), as a person with a browser would.
/// </summary>
public sealed partial class SimulatedOwners(Agreement agreement, DemoScript script, string mailFolder, HttpClient http, Action<string> log)
{
    readonly HashSet<string> seen = new(StringComparer.Ordinal);
    readonly ConcurrentBag<string> actions = [];

    public IReadOnlyCollection<string> Actions => actions;

    /// <summary>Handles every new mail once; call repeatedly while the cycle runs.</summary>
    public async Task PollAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(mailFolder))
        {
            return;
        }

        foreach (var file in Directory.GetFiles(mailFolder, "*.eml").Order(StringComparer.Ordinal))
        {
            if (!seen.Add(file))
            {
                continue;
            }

            var message = await MimeMessage.LoadAsync(file, cancellationToken);
            var kind = message.Headers["X-Trygghet-Kind"];
            var to = message.To.Mailboxes.FirstOrDefault()?.Address;
            var owner = agreement.Owners.FirstOrDefault(o => string.Equals(o.Email, to, StringComparison.OrdinalIgnoreCase));
            if (owner is null || kind is not ("invitation" or "reminder"))
            {
                continue;
            }

            var behaviour = script.Behaviours.GetValueOrDefault(owner.Id, DemoScript.Submit);
            var link = LinkPattern().Match(message.HtmlBody ?? message.TextBody ?? string.Empty).Value;
            var answers = kind switch
            {
                "invitation" when behaviour is DemoScript.Submit or DemoScript.DraftThenSubmit => true,
                "reminder" when behaviour is DemoScript.AfterReminder => true,
                _ => false,
            };
            if (!answers || link.Length == 0)
            {
                log($"  {owner.Name} got the {kind} and does nothing ({behaviour}).");
                continue;
            }

            if (behaviour == DemoScript.DraftThenSubmit)
            {
                await AnswerAsync(owner, link, FormFields.ActionDraft, cancellationToken);
            }

            await AnswerAsync(owner, link, FormFields.ActionSubmit, cancellationToken);
        }
    }

    async Task AnswerAsync(Owner owner, string link, string action, CancellationToken cancellationToken)
    {
        var page = await http.GetStringAsync(link, cancellationToken);
        var antiforgery = AntiforgeryPattern().Match(page).Groups[1].Value;
        var fields = new List<KeyValuePair<string, string>>
        {
            new(FormFields.Antiforgery, antiforgery),
            new(FormFields.Language, "sv"),
            new(FormFields.Action, action),
        };
        foreach (var measure in agreement.MeasuresOf(owner.Id))
        {
            var answer = script.Answers[measure.Id];
            fields.Add(new(FormFields.Status(measure.Id), answer.Status.ToString()));
            fields.Add(new(FormFields.Light(measure.Id), answer.Light.ToString()));
            fields.Add(new(FormFields.Comment(measure.Id), answer.Comment));
            fields.Add(new(FormFields.Plan(measure.Id), answer.Plan));
            fields.Add(new(FormFields.PublicNote(measure.Id), answer.PublicNote ?? string.Empty));
            foreach (var indicator in measure.Indicators.Where(i => i.Kind != IndicatorKind.Effekt))
            {
                fields.Add(new(
                    FormFields.Indicator(measure.Id, indicator.Id),
                    answer.Indicators.TryGetValue(indicator.Id, out var v) ? v.ToString(CultureInfo.GetCultureInfo("sv-SE")) : string.Empty));
            }
        }

        using var response = await http.PostAsync(link, new FormUrlEncodedContent(fields), cancellationToken);
        var entry = $"  {owner.Name} {(action == FormFields.ActionDraft ? "saved a draft" : "submitted")} through the form: HTTP {(int)response.StatusCode}";
        actions.Add(entry);
        log(entry);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The form refused {owner.Name}'s answers: HTTP {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    [GeneratedRegex(@"https?://[^\s""<>]+/forms/[A-Za-z0-9_-]{43}")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"name=""__af"" value=""([^""]+)""")]
    private static partial Regex AntiforgeryPattern();
}
