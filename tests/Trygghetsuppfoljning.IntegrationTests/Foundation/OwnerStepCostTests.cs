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
    string lastPost = string.Empty;

    [Fact]
    public async Task Storage_requests_of_a_form_get_a_post_a_reopened_form_an_invitation_a_receipt_and_a_closed_link_do_not_grow_with_the_agreement()
    {
        var small = await CountAsync(owners: 5);
        var large = await CountAsync(owners: 400);

        Assert.Equal(small, large);
        Assert.True(small.Get <= 6 && small.Post <= 14 && small.Reopened <= 7 && small.Invitation <= 10 && small.Receipt <= 12 && small.ClosedLink <= 6, $"unexpectedly many requests: {small}; the POST's: {lastPost}");
    }

    async Task<(int Get, int Post, int Reopened, int Invitation, int Receipt, int ClosedLink)> CountAsync(int owners)
    {
        var prefix = TestEngine.NewPrefix();
        await using var smtp = new SmtpCapture();
        var policy = new CountingTablePolicy();
        var options = new TableClientOptions();
        options.AddPolicy(policy, HttpPipelinePosition.PerCall);
        var store = new TableStore(new TableServiceClient(azurite.ConnectionString, options), prefix);
        // The receipt sweeper would count its own requests in between: it waits an hour here, and the receipt owed by the
        // POST is sent (and counted) on purpose below.
        var settings = TestEngine.Settings(azurite, smtp, prefix);
        settings["Schedule:ReceiptSweepInterval"] = "01:00:00";
        await using var engine = await LocalEngine.StartAsync(settings, services => services.AddSingleton(store));

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

        // Keyed reads only: a query is a scan of the whole table in Azurite, so one per form request made a cycle quadratic there.
        Assert.Empty(policy.Queries);

        var fields = Answers.For(agreement, owner, comment: "Sparat svar som ska visas igen");
        // The client GETs the form first for its anti-forgery value, as a browser would: counted with the POST.
        policy.Reset();
        Assert.Equal(200, (await form.PostAsync(link, fields)).Status);
        var post = policy.Count;
        var postRequests = string.Join("; ", policy.Requests);
        Assert.Empty(policy.Queries);

        // The owner comes back to what they sent: the form reads the latest revision by key as well.
        policy.Reset();
        var reopenedPage = await form.GetAsync(link);
        Assert.Equal(200, reopenedPage.Status);
        Assert.Contains("Sparat svar som ska visas igen", reopenedPage.Html);
        var reopened = policy.Count;
        Assert.Empty(policy.Queries);

        policy.Reset();
        var invitation = ActivatorUtilities.CreateInstance<SendInvitationActivity>(engine.Services);
        Assert.True(await invitation.RunAsync(null!, new OwnerTaskInput(agreement.Id, 2025, GeneratedAgreement.OwnerId(3))));
        var invited = policy.Count;

        policy.Reset();
        Assert.Equal(1, await engine.Services.GetRequiredService<Workflows.Mail.ReceiptSweeper>().SendDueAsync(agreement.Id, 2025, DateTimeOffset.MaxValue));
        var receipt = policy.Count;

        // After the close, the link of an owner who never answered shows the closed page, from keyed reads as well.
        var silent = await engine.Services.GetRequiredService<OwnerLinkIssuer>().IssueAsync(agreement.Id, 2025, GeneratedAgreement.OwnerId(4));
        await engine.Services.GetRequiredService<CycleRepository>().UpdateAsync(agreement.Id, 2025, c => c with { State = CycleState.Closed });
        policy.Reset();
        Assert.Equal(200, (await form.GetAsync(silent)).Status);
        var closedLink = policy.Count;
        Assert.Empty(policy.Queries);
        lastPost = postRequests;
        return (get, post, reopened, invited, receipt, closedLink);
    }
}
