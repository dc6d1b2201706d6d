using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.IntegrationTests.Resilience;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Orchestration;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.IntegrationTests.Orchestration;

[Collection(AzuriteTests.Name)]
public sealed class CycleStarterTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Timer_starts_one_cycle_per_active_agreement_leaves_existing_ones_alone_and_a_broken_one_blocks_no_other()
    {
        await using var smtp = new SmtpCapture();
        await using var engine = await TestEngine.StartAsync(azurite, smtp, TestEngine.NewPrefix());
        var repository = engine.Services.GetRequiredService<AgreementRepository>();
        foreach (var id in new[] { "a-ett", "b-trasig", "c-tre" })
        {
            await repository.SaveAsync(GeneratedAgreement.WithOwners(id, 2));
        }

        await repository.SaveAsync(GeneratedAgreement.WithOwners("d-inaktiv", 2) with { Active = false });
        var starter = engine.Services.GetRequiredService<CycleStarter>();
        var year = DateTime.UtcNow.Year - 1;
        await starter.StartAsync(engine.Client, starter.InputFor("c-tre", year));
        var client = new FailingStartClient(engine.Client, CycleIds.CycleInstance("b-trasig", year));

        var outcomes = await starter.StartAllAsync(client);

        Assert.Equal(3, outcomes.Count);
        Assert.Equal($"cycle-a-ett-{year}: started", outcomes[0]);
        Assert.StartsWith($"cycle-b-trasig-{year}: failed: Storage refused", outcomes[1], StringComparison.Ordinal);
        Assert.Equal($"cycle-c-tre-{year}: already exists, left alone", outcomes[2]);
        Assert.NotNull(await engine.Client.GetInstanceAsync(CycleIds.CycleInstance("a-ett", year)));
        Assert.Null(await engine.Client.GetInstanceAsync(CycleIds.CycleInstance("b-trasig", year)));
        Assert.Null(await engine.Client.GetInstanceAsync(CycleIds.CycleInstance("d-inaktiv", year)));

        // The next run (the broken one repaired) starts only what is missing.
        var again = await starter.StartAllAsync(engine.Client);
        Assert.Equal([$"cycle-a-ett-{year}: already exists, left alone", $"cycle-b-trasig-{year}: started", $"cycle-c-tre-{year}: already exists, left alone"], again);
    }

    [Fact]
    public async Task Unreadable_agreement_row_fails_alone_and_the_other_agreements_still_start()
    {
        await using var smtp = new SmtpCapture();
        await using var engine = await TestEngine.StartAsync(azurite, smtp, TestEngine.NewPrefix());
        await engine.Services.GetRequiredService<AgreementRepository>().SaveAsync(GeneratedAgreement.WithOwners("a-hel", 2));
        var table = await engine.Services.GetRequiredService<TableStore>().GetAsync(TableNames.Agreements);
        await table.AddEntityAsync(new Azure.Data.Tables.TableEntity("agreement", "b-korrupt") { ["Title"] = "Halvt sparad", ["SignedOn"] = "inte ett datum" });
        var year = DateTime.UtcNow.Year - 1;

        var outcomes = await engine.Services.GetRequiredService<CycleStarter>().StartAllAsync(engine.Client);

        Assert.Equal($"cycle-a-hel-{year}: started", outcomes[0]);
        Assert.StartsWith($"cycle-b-korrupt-{year}: failed:", outcomes[1], StringComparison.Ordinal);
    }
}
