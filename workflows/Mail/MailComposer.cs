using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MimeKit;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Templates;

namespace Trygghetsuppfoljning.Workflows.Mail;

/// <summary>
/// Builds every mail the product sends from templates/mail/{name}.{lang}.liquid (HTML) and subjects from the text
/// catalogue. Message ids are deterministic per purpose, so a resent duplicate is recognisable as one.
/// </summary>
public sealed partial class MailComposer(TemplateRenderer renderer, IOptions<MailOptions> options)
{
    /// <param name="sendId">Set for a resent link: it is a new message, and mail systems drop a repeated Message-ID as a duplicate.</param>
    public MimeMessage Invitation(Agreement agreement, Cycle cycle, Owner owner, string link, int reminderNumber, string? sendId = null)
    {
        var kind = reminderNumber == 0 ? "invitation" : "reminder";
        var model = OwnerModel(agreement, cycle, owner, owner.Language);
        model["link"] = link;
        model["reminder_number"] = reminderNumber;
        return Build(kind, owner.Language, [new MailboxAddress(owner.Name, owner.Email)], model, $"{kind}.{cycle.Id}.{owner.Id}.{reminderNumber}{(sendId is null ? string.Empty : "." + sendId)}", about: (cycle, owner.Id));
    }

    public MimeMessage Receipt(Agreement agreement, Cycle cycle, Owner owner, OwnerResponse response)
    {
        var lang = owner.Language;
        var model = OwnerModel(agreement, cycle, owner, lang);
        model["revision"] = response.Revision;
        model["saved"] = FormatTime(response.SavedUtc, lang);
        model["answers"] = response.Answers.Select(a => new Dictionary<string, object?>
        {
            ["title"] = agreement.Measures.FirstOrDefault(m => m.Id == a.MeasureId)?.Label ?? a.MeasureId,
            ["status"] = a.Status is { } s ? renderer.Texts.Status(lang, s) : "–",
            ["light"] = a.Light is { } l ? renderer.Texts.Light(lang, l) : "–",
            ["comment"] = a.Comment,
            ["plan"] = a.NextYearPlan,

            // Lines, so the template can join them with <br>: an owner's paragraphs must survive HTML.
            ["comment_lines"] = Lines(a.Comment),
            ["plan_lines"] = Lines(a.NextYearPlan),
            ["indicators"] = agreement.Measures.FirstOrDefault(m => m.Id == a.MeasureId)?.Indicators
                .Select(i => new Dictionary<string, object?>
                {
                    ["name"] = i.Name,
                    ["unit"] = i.Unit,
                    ["value"] = a.IndicatorValues.TryGetValue(i.Id, out var v) && v is { } value ? value.ToString(TextCatalog.Culture(lang)) : "–",
                }).ToList() ?? [],
        }).ToList();
        return Build("receipt", lang, [new MailboxAddress(owner.Name, owner.Email)], model, $"receipt.{cycle.Id}.{owner.Id}.{response.Revision}", about: (cycle, owner.Id));
    }

    public MimeMessage DeadlineNotice(Agreement agreement, Cycle cycle, IReadOnlyList<Owner> missing, IReadOnlyList<OwnerProgress> progress)
    {
        var lang = agreement.Coordinator.Language;
        var model = CycleModel(agreement, cycle, lang);
        model["name"] = agreement.Coordinator.Name;
        model["missing"] = missing.Select(o => new Dictionary<string, object?>
        {
            ["name"] = o.Name,
            ["email"] = o.Email,
            ["organisation"] = renderer.Texts.Organisation(lang, o.Organisation),
            ["reminders"] = progress.FirstOrDefault(p => p.OwnerId == o.Id)?.RemindersSent ?? 0,
        }).ToList();
        model["missing_count"] = missing.Count;
        return Build(
            "deadline-notice", lang, [new MailboxAddress(agreement.Coordinator.Name, agreement.Coordinator.Email)], model, $"deadline.{cycle.Id}.{cycle.DeadlineUtc.ToUnixTimeSeconds()}", about: (cycle, null));
    }

    /// <param name="revisedAfterReturnOn">Set for the report revised after a return round: said in the subject and the text, and a message of its own.</param>
    public MimeMessage ReportDelivery(Agreement agreement, Cycle cycle, CycleAggregate aggregate, string fileName, byte[] report, DateOnly? revisedAfterReturnOn = null, int returnRound = 0)
    {
        var lang = TextCatalog.DefaultLanguage;
        var model = CycleModel(agreement, cycle, lang);
        model["revised"] = revisedAfterReturnOn is not null;
        model["returned_on"] = revisedAfterReturnOn?.ToString("d MMMM yyyy", TextCatalog.Culture(lang));
        model["response_rate"] = aggregate.ResponseRate.ToString("P0", TextCatalog.Culture(lang));
        model["answered"] = aggregate.OwnersAnswered;
        model["owners"] = aggregate.OwnersTotal;
        model["red_lights"] = aggregate.RedLights;
        var to = agreement.SteeringGroup.Select(r => new MailboxAddress(r.Name, r.Email)).ToList();
        var message = Build("report-delivery", lang, to, model, returnRound == 0 ? $"report.{cycle.Id}" : $"report.{cycle.Id}.round{returnRound}", builder =>
            builder.Attachments.Add(fileName, report, ContentType.Parse("application/vnd.openxmlformats-officedocument.wordprocessingml.document")), (cycle, null));
        if (revisedAfterReturnOn is not null)
        {
            message.Subject = renderer.RenderText("mail.report-revised.subject", lang, model);
        }

        message.Cc.Add(new MailboxAddress(agreement.Coordinator.Name, agreement.Coordinator.Email));
        return message;
    }

    public static string FormatTime(DateTimeOffset utc, string language) =>
        SwedishTime.ToLocal(utc).ToString(language == "en" ? "d MMMM yyyy 'at' HH:mm" : "d MMMM yyyy 'kl.' HH:mm", TextCatalog.Culture(language));


    static Dictionary<string, object?> CycleModel(Agreement agreement, Cycle cycle, string lang) => new()
    {
        ["agreement"] = agreement.Title,
        ["municipality"] = agreement.Municipality,
        ["police_area"] = agreement.PoliceArea,
        ["year"] = cycle.Year,
        ["deadline"] = FormatTime(cycle.DeadlineUtc, lang),
        ["coordinator"] = agreement.Coordinator.Name,
        ["coordinator_email"] = agreement.Coordinator.Email,
    };

    static Dictionary<string, object?> OwnerModel(Agreement agreement, Cycle cycle, Owner owner, string lang)
    {
        var model = CycleModel(agreement, cycle, lang);
        model["name"] = owner.Name;
        model["measures"] = agreement.MeasuresOf(owner.Id).Select(m => m.Label).ToList();
        return model;
    }

    MimeMessage Build(
        string template, string language, IReadOnlyList<MailboxAddress> to, Dictionary<string, object?> model, string messageKey, Action<BodyBuilder>? extra = null,
        (Cycle Cycle, string? OwnerId)? about = null)
    {
        var lang = TextCatalog.Normalize(language);
        var html = renderer.Render($"mail/{template}.{lang}.liquid", lang, model);
        var builder = new BodyBuilder { HtmlBody = html, TextBody = HtmlToText(html) };
        extra?.Invoke(builder);
        var message = new MimeMessage
        {
            Subject = renderer.RenderText($"mail.{template}.subject", lang, model),
            Body = builder.ToMessageBody(),
            MessageId = $"{string.Concat(messageKey.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_'))}@trygghetsuppfoljning",
        };
        message.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
        message.To.AddRange(to);
        message.Headers.Add(MailHeaders.Kind, template);

        // Which cycle and owner a mail concerns, so a refusal or a later bounce can be shown on that owner's row.
        if (about is { } a)
        {
            message.Headers.Add(MailHeaders.Agreement, a.Cycle.AgreementId);
            message.Headers.Add(MailHeaders.Year, a.Cycle.Year.ToString(CultureInfo.InvariantCulture));
            if (a.OwnerId is not null)
            {
                message.Headers.Add(MailHeaders.Owner, a.OwnerId);
            }
        }

        return message;
    }

    static List<string> Lines(string? text) => (text ?? string.Empty).ReplaceLineEndings("\n").Split('\n').ToList();

    static string HtmlToText(string html)
    {
        var text = BlockEnd().Replace(html, "\n");
        text = Tag().Replace(text, string.Empty);
        text = WebUtility.HtmlDecode(text);
        return BlankLines().Replace(text, "\n\n").Trim() + "\n";
    }

    [GeneratedRegex(@"<br\s*/?>|</(p|li|h[1-6]|tr|div)>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\n\s*\n\s*\n+")]
    private static partial Regex BlankLines();
}
