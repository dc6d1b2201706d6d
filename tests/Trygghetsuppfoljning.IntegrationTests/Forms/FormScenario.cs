using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.Local.Engine;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Forms;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.IntegrationTests.Forms;

/// <summary>
/// A form test's world without the orchestration: the real local host on its own table prefix, the Höganäs demo
/// agreement, an open cycle and links issued as the invitation activity would. A POST's wake-up event then goes to
/// an instance that does not exist, which is harmless (design.md §4).
/// </summary>
public sealed class FormScenario : IAsyncDisposable
{
    public const int Year = 2025;

    FormScenario(SmtpCapture smtp, LocalEngine engine, Agreement agreement, Cycle cycle)
    {
        Smtp = smtp;
        Engine = engine;
        Agreement = agreement;
        Cycle = cycle;
    }

    public SmtpCapture Smtp { get; }

    public LocalEngine Engine { get; }

    public Agreement Agreement { get; }

    public Cycle Cycle { get; }

    public FormClient Client { get; } = new();

    public ResponseRepository Responses => Engine.Services.GetRequiredService<ResponseRepository>();

    public static async Task<FormScenario> StartAsync(AzuriteFixture azurite, IDictionary<string, string?>? settings = null)
    {
        var smtp = new SmtpCapture();
        var engine = await TestEngine.StartAsync(azurite, smtp, TestEngine.NewPrefix(), settings);
        var agreement = await TestEngine.LoadDemoAgreementAsync(engine);
        var now = DateTimeOffset.UtcNow;
        var cycle = await engine.Services.GetRequiredService<CycleRepository>().EnsureAsync(new Cycle(agreement.Id, Year, now, now.AddDays(30), CycleState.Open));
        return new FormScenario(smtp, engine, agreement, cycle);
    }

    public Task<string> LinkAsync(string ownerId, int year = Year) =>
        Engine.Services.GetRequiredService<OwnerLinkIssuer>().IssueAsync(Agreement.Id, year, ownerId);

    public Task<IReadOnlyList<OwnerResponse>> RevisionsAsync(string ownerId) => Responses.ListRevisionsAsync(Cycle.Id, ownerId);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Engine.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
