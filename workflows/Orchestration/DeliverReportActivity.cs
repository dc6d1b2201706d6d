using Microsoft.DurableTask;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Mail;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.Workflows.Orchestration;

/// <summary>Mails the archived report to the steering group, copy to the coordinator; after a return round, as the revised version.</summary>
public sealed class DeliverReportActivity(
    CycleRepository cycles, CycleSnapshots snapshots, AggregateRepository aggregates, ReportArchive archive, MailComposer composer, IMailSender mail)
    : TaskActivity<DeliverReportInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, DeliverReportInput input)
    {
        var cycle = await cycles.GetAsync(input.AgreementId, input.Year);
        var agreement = (await snapshots.GetRosterAsync(cycle)).Header;
        var aggregate = (await aggregates.ListAsync(input.AgreementId)).First(a => a.Year == input.Year);
        var bytes = await archive.ReadAsync(input.ReportBlobName);
        var fileName = Path.GetFileName(input.ReportBlobName);
        await mail.SendAsync(composer.ReportDelivery(agreement, cycle, aggregate, fileName, bytes, input.RevisedAfterReturnOn, input.ReturnRound));
        return true;
    }
}
