using Azure.Core;
using Azure.Data.Tables;
using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.IntegrationTests.Resilience;
using Trygghetsuppfoljning.Local.Engine;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Forms;
using Trygghetsuppfoljning.Workflows.Orchestration;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.IntegrationTests.Foundation;

/// <summary>
/// The structure that makes a 1,000-owner cycle linear: what one owner step reads does not depend on how many owners
/// the agreement has. Counted as Table requests through a pipeline policy, not timed.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class OwnerStepCostTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Storage_requests_of_a_form_get_a_form_post_and_an_invitation_do_not_grow_with_the_agreement()
    {
        var small = await CountAsync(owners: 5);
        var large = await CountAsync(owners: 400);

        Assert.Equal(small, large);
        Assert.True(small.Get <= 8 && small.Post <= 16 && small.Invitation <= 10, $"unexpectedly many requests: {small}");
    }

    async Task<(int Get, int Post, int Invitation)> CountAsync(int owners)
    {
        var prefix = TestEngine.NewPrefix();
        await using var smtp = new SmtpCapture();
        var policy = new CountingTablePolicy();
        var options = new TableClientOptions();
        options.AddPolicy(policy, HttpPipelinePosition.PerCall);
        var store = new TableStore(new TableServiceClient(azurite.ConnectionString, options), prefix);
        await using var engine = await LocalEngine.StartAsync(TestEngine.Settings(azurite, smtp, prefix), services => services.AddSingleton(store));

        var agreement = GeneratedAgreement.WithOwners("skala", owners);
        await engine.Services.GetRequiredService<AgreementRepository>().SaveAsync(agreement);
        var now = DateTimeOffset.UtcNow;
        var cycle = await engine.Services.GetRequiredService<CycleRepository>().EnsureAsync(new Cycle(agreement.Id, 2025, now, now.AddDays(30), CycleState.Open));
        await engine.Services.GetRequiredService<CycleRosterRepository>().EnsureSnapshotAsync(cycle.Id, agreement);
        var owner = GeneratedAgreement.OwnerId(2);
        var link = await engine.Services.GetRequiredService<OwnerLinkIssuer>().IssueAsync(agreement.Id, 2025, owner);
        using var form = new FormClient();

        // Warm: tables created, the cycle's header cached (as in a running host).
        Assert.Equal(200, (await form.GetAsync(link)).Status);

        policy.Reset();
        Assert.Equal(200, (await form.GetAsync(link)).Status);
        var get = policy.Count;

        var fields = Answers.For(agreement, owner);
        policy.Reset();
        Assert.Equal(200, (await form.PostAsync(link, fields)).Status);
        var post = policy.Count;

        policy.Reset();
        var invitation = ActivatorUtilities.CreateInstance<SendInvitationActivity>(engine.Services);
        Assert.True(await invitation.RunAsync(null!, new OwnerTaskInput(agreement.Id, 2025, GeneratedAgreement.OwnerId(3))));
        var invited = policy.Count;
        return (get, post, invited);
    }
}
