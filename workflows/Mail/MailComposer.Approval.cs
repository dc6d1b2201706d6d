using MimeKit;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Templates;

namespace Trygghetsuppfoljning.Workflows.Mail;

public sealed partial class MailComposer
{
    /// <summary>Reminds the coordinator that the report still waits for the steering group's decision to be recorded.</summary>
    public MimeMessage ApprovalReminder(Agreement agreement, Cycle cycle, int reminderNumber)
    {
        var lang = agreement.Coordinator.Language;
        var model = CycleModel(agreement, cycle, lang);
        model["name"] = agreement.Coordinator.Name;
        model["reminder_number"] = reminderNumber;
        model["closed"] = cycle.ClosedUtc is { } closed ? FormatTime(closed, lang) : null;
        return Build(
            "approval-reminder", lang, [new MailboxAddress(agreement.Coordinator.Name, agreement.Coordinator.Email)], model, $"approval.{cycle.Id}.{reminderNumber}");
    }

    /// <summary>
    /// To an owner whose form the coordinator reopened after the steering group returned the report: a new personal
    /// link, the round's deadline and the steering group's note. Each round's mail is a message of its own.
    /// </summary>
    public MimeMessage ReturnRoundInvitation(Agreement agreement, Cycle cycle, Owner owner, string link, ReturnRound round, string? note)
    {
        var lang = owner.Language;
        var model = OwnerModel(agreement, cycle, owner, lang);
        model["link"] = link;
        model["deadline"] = FormatTime(round.DeadlineUtc, lang);
        model["returned_on"] = round.ReturnedOn.ToString("d MMMM yyyy", TextCatalog.Culture(lang));
        model["note_lines"] = string.IsNullOrWhiteSpace(note) ? [] : Lines(note.Trim());
        return Build(
            "return-round", lang, [new MailboxAddress(owner.Name, owner.Email)], model, $"return-round.{cycle.Id}.{round.Number}.{owner.Id}", about: (cycle, owner.Id));
    }
}
