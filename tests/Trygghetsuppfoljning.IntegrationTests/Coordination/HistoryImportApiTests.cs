using System.Text;
using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.Workflows.Coordination;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.IntegrationTests.Coordination;

[Collection(AzuriteTests.Name)]
public sealed class HistoryImportApiTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Earlier_years_figures_are_imported_all_or_nothing_and_the_action_is_audited()
    {
        await using var smtp = new SmtpCapture();
        await using var engine = await TestEngine.StartAsync(azurite, smtp, TestEngine.NewPrefix());
        var agreement = await TestEngine.LoadDemoAgreementAsync(engine);
        var coordinator = engine.Services.GetRequiredService<CoordinatorService>();
        var aggregates = engine.Services.GetRequiredService<AggregateRepository>();
        var indicator = agreement.Measures.Single(m => m.Id == "m03").Indicators.Single().Name;

        var broken = await coordinator.ImportHistoryAsync(agreement.Id, Encoding.UTF8.GetBytes($"År;Åtgärd;Indikator;Värde\n2023;P-02;{indicator};45\n20x2;P-02;{indicator};många\n"), "test");
        Assert.Equal(400, broken.StatusCode);
        Assert.Empty(await aggregates.ListAsync(agreement.Id));

        Assert.Equal(404, (await coordinator.ImportHistoryAsync("finns-inte", Encoding.UTF8.GetBytes("År;Åtgärd;Indikator;Värde\n"), "test")).StatusCode);

        var imported = await coordinator.ImportHistoryAsync(agreement.Id, Encoding.UTF8.GetBytes($"År;Åtgärd;Indikator;Värde\n2023;P-02;{indicator};45\n2022;P-02;{indicator};49\n"), "test");
        Assert.Equal(200, imported.StatusCode);
        Assert.Equal([2022, 2023], (await aggregates.ListAsync(agreement.Id)).Select(a => a.Year));
        Assert.Contains(await coordinator.AuditAsync(agreement.Id, null), e => e.Action == "import-history" && e.Result == 200);
    }
}
