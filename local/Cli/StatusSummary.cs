using Trygghetsuppfoljning.Workflows.Coordination;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Mail;

namespace Trygghetsuppfoljning.Local.Cli;

/// <summary>
/// A cycle's status as the coordinator reads it: "12 av 14 har svarat; saknas: …; sista dag …". The raw JSON is
/// what <c>--json</c> prints instead.
/// </summary>
public static class StatusSummary
{
    public static string Format(CycleStatus status, CliTexts t)
    {
        var state = status.State is { } s ? t[$"cli.state.{s}"] : t["cli.state.none"];
        var lines = new List<string> { t.Format("cli.status.title", status.AgreementId, status.Year, state) };
        var owners = status.Owners;
        if (owners.Count > 0)
        {
            var answered = owners.Count(o => o.State == OwnerProgressState.Submitted);
            var missing = owners.Where(o => o.State != OwnerProgressState.Submitted).OrderBy(o => o.Name, StringComparer.CurrentCulture).Select(o =>
            {
                var notes = new List<string>();
                if (o.State == OwnerProgressState.Draft)
                {
                    notes.Add(t["cli.status.draft"]);
                }

                if (o.RemindersSent > 0)
                {
                    notes.Add(t.Format(o.RemindersSent == 1 ? "cli.status.reminders.one" : "cli.status.reminders.other", o.RemindersSent));
                }

                return notes.Count == 0 ? o.Name : $"{o.Name} ({string.Join(", ", notes)})";
            }).ToList();
            var parts = new List<string>
            {
                missing.Count == 0 ? t.Format("cli.status.allAnswered", owners.Count) : t.Format("cli.status.answered", answered, owners.Count),
            };
            if (missing.Count > 0)
            {
                parts.Add(t.Format("cli.status.missing", string.Join(", ", missing)));
            }

            if (status.ClosedUtc is { } closed)
            {
                parts.Add(t.Format("cli.status.closed", MailComposer.FormatTime(closed, t.Language)));
            }
            else if (status.DeadlineUtc is { } deadline)
            {
                parts.Add(t.Format("cli.status.deadline", MailComposer.FormatTime(deadline, t.Language)));
            }

            var sentence = string.Join("; ", parts);
            lines.Add(char.ToUpper(sentence[0], t.Culture) + sentence[1..] + ".");
        }

        if (!string.IsNullOrEmpty(status.ReportBlobName))
        {
            lines.Add(t.Format("cli.status.report", status.ReportBlobName));
        }

        return string.Join(Environment.NewLine, lines);
    }
}
