using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Trygghetsuppfoljning.Workflows.Forms;
using Trygghetsuppfoljning.Workflows.Mail;
using Trygghetsuppfoljning.Workflows.Orchestration;
using Trygghetsuppfoljning.Workflows.Reports;
using Trygghetsuppfoljning.Workflows.Storage;
using Trygghetsuppfoljning.Workflows.Templates;

namespace Trygghetsuppfoljning.Workflows;

public static class ServiceCollectionExtensions
{
    /// <summary>Everything both hosts share: options (validated at start), storage, templates, mail, forms, reports.</summary>
    public static IServiceCollection AddTrygghetsuppfoljning(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FormOptions>().Bind(configuration.GetSection(FormOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Coordination.CoordinatorOptions>().Bind(configuration.GetSection(Coordination.CoordinatorOptions.SectionName));
        services.AddOptions<Security.StaffOptions>().Bind(configuration.GetSection(Security.StaffOptions.SectionName));
        services.AddSingleton<Security.StaffGate>();
        services.AddOptions<TemplateOptions>().Bind(configuration.GetSection(TemplateOptions.SectionName));
        services.AddOptions<CycleScheduleOptions>().Bind(configuration.GetSection(CycleScheduleOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TableStore>();
        services.AddSingleton<AgreementRepository>();
        services.AddSingleton<MeasureRepository>();
        services.AddSingleton<OwnerRepository>();
        services.AddSingleton<CycleRepository>();
        services.AddSingleton<CycleRosterRepository>();
        services.AddSingleton<CycleSnapshots>();
        services.AddSingleton<FinalAnswerRepository>();
        services.AddSingleton<FinalAnswerStore>();
        services.AddSingleton<ResponseRepository>();
        services.AddSingleton<ReceiptOutboxRepository>();
        services.AddSingleton<OwnerProgressRepository>();
        services.AddSingleton<TokenRepository>();
        services.AddSingleton<AggregateRepository>();
        services.AddSingleton<AuditRepository>();
        services.AddSingleton<ReportArchive>();

        services.AddSingleton<TemplateLoader>();
        services.AddSingleton<TextCatalog>();
        services.AddSingleton<TemplateRenderer>();

        services.AddSingleton<MailComposer>();

        // Every mail goes through the recorder, which keeps its Message-ID (to match bounces) and any refusal for the desk.
        services.TryAddSingleton<IMailSender>(sp => ActivatorUtilities.CreateInstance<RecordingMailSender>(
            sp,
            sp.GetRequiredService<IOptions<MailOptions>>().Value.EffectiveTransport switch
            {
                MailTransport.Smtp => ActivatorUtilities.CreateInstance<SmtpMailSender>(sp),
                MailTransport.Graph => ActivatorUtilities.CreateInstance<GraphMailSender>(sp),
                _ => (IMailSender)ActivatorUtilities.CreateInstance<PickupFolderMailSender>(sp),
            }));
        services.AddSingleton<MailEventRepository>();
        services.AddOptions<BounceMailboxOptions>().Bind(configuration.GetSection(BounceMailboxOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BounceRecorder>();
        services.AddSingleton<BounceMailboxPoller>();

        services.AddSingleton<OwnerLinkIssuer>();
        services.AddSingleton<OwnerMailer>();
        services.AddSingleton<ReceiptSweeper>();
        services.AddSingleton<AntiforgeryProtector>();
        services.AddSingleton<PostRateLimiter>();
        services.AddSingleton<FormValidator>();
        services.AddSingleton<FormPageRenderer>();
        services.TryAddSingleton<ISubmitCheckpoints, NoSubmitCheckpoints>();
        services.AddSingleton<FormService>();
        services.AddSingleton<FormRequestReader>();

        services.AddSingleton<ReportGenerator>();
        services.AddSingleton<ReportService>();
        services.AddSingleton<CycleStarter>();
        services.AddSingleton<Coordination.CoordinatorService>();
        services.AddOptions<Retention.RetentionOptions>().Bind(configuration.GetSection(Retention.RetentionOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Retention.RetentionPurger>();
        services.AddSingleton<Import.AgreementImporter>();
        services.AddSingleton<Migration.StorageMigrator>();
        services.AddSingleton<Import.HistoryImporter>();

        services.AddOptions<Desk.DeskOptions>().Bind(configuration.GetSection(Desk.DeskOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Desk.DeskSessions>();
        services.AddSingleton<Desk.DeskPageRenderer>();
        services.AddSingleton<Desk.DeskRequestReader>();
        services.AddSingleton<Desk.ImportDraftStore>();
        services.AddSingleton<Desk.DeskApp>();
        AddFollowUp(services, configuration);
        return services;
    }

    /// <summary>Issue 13: steering-group approval, effect figures and the citizens' summary.</summary>
    static void AddFollowUp(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApprovalOptions>().Bind(configuration.GetSection(ApprovalOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SteeringDecisionRepository>();
        services.AddSingleton<ReturnRoundRepository>();
        services.AddSingleton<EffectFigureRepository>();
        services.AddSingleton<CitizenSummaryRepository>();
        services.AddSingleton<Citizens.CitizenPageRenderer>();
        services.AddSingleton<Citizens.CitizenSummaryService>();
        services.AddSingleton<Effects.EffectFigureService>();
    }
}
