using MimeKit;
using Trygghetsuppfoljning.Workflows.Domain;

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
}
