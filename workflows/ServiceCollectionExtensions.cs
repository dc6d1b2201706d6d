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
        services.AddOptions<TemplateOptions>().Bind(configuration.GetSection(TemplateOptions.SectionName));
        services.AddOptions<CycleScheduleOptions>().Bind(configuration.GetSection(CycleScheduleOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TableStore>();
        services.AddSingleton<AgreementRepository>();
        services.AddSingleton<MeasureRepository>();
        services.AddSingleton<OwnerRepository>();
        services.AddSingleton<CycleRepository>();
        services.AddSingleton<ResponseRepository>();
        services.AddSingleton<OwnerProgressRepository>();
        services.AddSingleton<TokenRepository>();
        services.AddSingleton<AggregateRepository>();
        services.AddSingleton<AuditRepository>();
        services.AddSingleton<ReportArchive>();

        services.AddSingleton<TemplateLoader>();
        services.AddSingleton<TextCatalog>();
        services.AddSingleton<TemplateRenderer>();

        services.AddSingleton<MailComposer>();
        services.TryAddSingleton<IMailSender>(sp => string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<MailOptions>>().Value.SmtpHost)
            ? ActivatorUtilities.CreateInstance<PickupFolderMailSender>(sp)
            : ActivatorUtilities.CreateInstance<SmtpMailSender>(sp));

        services.AddSingleton<OwnerLinkIssuer>();
        services.AddSingleton<AntiforgeryProtector>();
        services.AddSingleton<PostRateLimiter>();
        services.AddSingleton<FormValidator>();
        services.AddSingleton<FormPageRenderer>();
        services.AddSingleton<FormService>();
        services.AddSingleton<FormRequestReader>();

        services.AddSingleton<ReportGenerator>();
        services.AddSingleton<ReportService>();
        services.AddSingleton<CycleStarter>();
        services.AddSingleton<Coordination.CoordinatorService>();
        services.AddOptions<Retention.RetentionOptions>().Bind(configuration.GetSection(Retention.RetentionOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Retention.RetentionPurger>();
        services.AddSingleton<Import.AgreementImporter>();
        AddFollowUp(services, configuration);
        return services;
    }

    /// <summary>The durable tasks, registered by class; the task name is the class name.</summary>
    public static DurableTaskRegistry AddTrygghetsuppfoljningTasks(this DurableTaskRegistry registry)
    {
        registry.AddOrchestrator<AnnualCycleOrchestrator>();
        registry.AddOrchestrator<OwnerInputOrchestrator>();
        foreach (var orchestrator in ApprovalTasks.Orchestrators)
        {
            registry.AddOrchestrator(orchestrator);
        }

        foreach (var activity in ActivityTypes)
        {
            registry.AddActivity(activity);
        }

        return registry;
    }

    public static readonly IReadOnlyList<Type> ActivityTypes =
    [
        typeof(PrepareCycleActivity),
        typeof(StartOwnerInputActivity),
        typeof(SendInvitationActivity),
        typeof(SendReminderActivity),
        typeof(SendReceiptActivity),
        typeof(RecordOwnerOutcomeActivity),
        typeof(NotifyCycleActivity),
        typeof(SignalOwnersActivity),
        typeof(NotifyCoordinatorActivity),
        typeof(CloseCycleActivity),
        typeof(AggregateCycleActivity),
        typeof(GenerateReportActivity),
        typeof(DeliverReportActivity),
        .. ApprovalTasks.Activities,
    ];

    /// <summary>Issue 13: steering-group approval, effect figures and the citizens' summary.</summary>
    static void AddFollowUp(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApprovalOptions>().Bind(configuration.GetSection(ApprovalOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SteeringDecisionRepository>();
        services.AddSingleton<EffectFigureRepository>();
        services.AddSingleton<CitizenSummaryRepository>();
        services.AddSingleton<Citizens.CitizenPageRenderer>();
        services.AddSingleton<Citizens.CitizenSummaryService>();
        services.AddSingleton<Effects.EffectFigureService>();
    }
}
