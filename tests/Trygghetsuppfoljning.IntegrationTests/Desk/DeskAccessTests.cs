using System.Text;
using System.Text.Json;
using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.Local.Engine;
using Trygghetsuppfoljning.Workflows.Coordination;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.IntegrationTests.Desk;

/// <summary>
/// Who may enter the desk, over real HTTP on the local host: no session → 401, a principal without the coordinator
/// role → 403, a POST without the anti-forgery value → 400, and in every refused case storage shows nothing changed.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class DeskAccessTests(AzuriteFixture azurite)
{
    const int Year = 2025;

    [Fact]
    public async Task Without_a_session_every_page_and_action_answers_401_and_nothing_changes()
    {
        await using var smtp = new SmtpCapture();
        await using var engine = await TestEngine.StartAsync(azurite, smtp, TestEngine.NewPrefix());
        var agreement = await TestEngine.LoadDemoAgreementAsync(engine);
        using var anonymous = new DeskClient(engine.BaseUrl);

        Assert.Equal(401, (await anonymous.GetAsync("/desk")).Status);
        Assert.Equal(401, (await anonymous.GetAsync($"/desk/cycles/{agreement.Id}/{Year}")).Status);
        Assert.Equal(401, (await anonymous.PostAsync($"/desk/cycles/{agreement.Id}/{Year}/start", [], antiforgeryFrom: null)).Status);
        Assert.Equal(401, (await anonymous.UploadAsync("/desk/import", "roster.xlsx", await RosterAsync(), null)).Status);

        // A made-up session cookie is no session either.
        using var forged = new DeskClient(engine.BaseUrl);
        Assert.Equal(401, (await forged.GetAsync("/desk")).Status);

        await AssertNothingChangedAsync(engine, agreement.Id, agreements: 1);
    }

    [Fact]
    public async Task A_sign_in_link_works_once_and_gives_an_HttpOnly_SameSite_Strict_cookie_not_Secure_on_loopback()
    {
        await using var smtp = new SmtpCapture();
        await using var engine = await TestEngine.StartAsync(azurite, smtp, TestEngine.NewPrefix());
        var link = DeskClient.SignInLinkOf(engine);
        using var first = new DeskClient(engine.BaseUrl);
        using (var signedIn = await first.SignInAsync(link))
        {
            Assert.Equal(303, (int)signedIn.StatusCode);
        }

        var cookie = Assert.Single(first.LastSetCookies);
        Assert.Contains("HttpOnly", cookie, StringComparison.Ordinal);
        Assert.Contains("SameSite=Strict", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("Secure", cookie, StringComparison.Ordinal);
        Assert.Equal(200, (await first.GetAsync("/desk")).Status);

        using var second = new DeskClient(engine.BaseUrl);
        using (var again = await second.SignInAsync(link))
        {
            Assert.Equal(401, (int)again.StatusCode);
        }

        Assert.Equal(401, (await second.GetAsync("/desk")).Status);
    }

    [Fact]
    public async Task Behind_App_Service_a_principal_without_the_coordinator_role_gets_403_and_one_with_it_gets_in()
    {
        await using var smtp = new SmtpCapture();
        await using var engine = await TestEngine.StartAsync(azurite, smtp, TestEngine.NewPrefix(), new Dictionary<string, string?>
        {
            ["Desk:Authentication"] = "AppServiceAuthentication",
        });
        var agreement = await TestEngine.LoadDemoAgreementAsync(engine);

        using var anonymous = new DeskClient(engine.BaseUrl);
        Assert.Equal(401, (await anonymous.GetAsync("/desk")).Status);

        using var reader = new DeskClient(engine.BaseUrl, Principal("Lisa Läsare", "Läsare"));
        Assert.Equal(403, (await reader.GetAsync("/desk")).Status);
        Assert.Equal(403, (await reader.PostAsync($"/desk/cycles/{agreement.Id}/{Year}/start", [], antiforgeryFrom: null)).Status);
        Assert.Equal(403, (await reader.UploadAsync("/desk/import", "roster.xlsx", await RosterAsync(), null)).Status);
        await AssertNothingChangedAsync(engine, agreement.Id, agreements: 1);

        using var coordinator = new DeskClient(engine.BaseUrl, Principal("Sara Samordnare", "Samordnare"));
        var (status, html) = await coordinator.GetAsync("/desk");
        Assert.Equal(200, status);
        Assert.Contains(agreement.Title, html, StringComparison.Ordinal);
        Assert.Contains("Sara Samordnare", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_POST_without_the_antiforgery_value_changes_nothing_while_the_same_POST_with_it_starts_the_cycle()
    {
        await using var smtp = new SmtpCapture();
        await using var engine = await TestEngine.StartAsync(azurite, smtp, TestEngine.NewPrefix());
        var agreement = await TestEngine.LoadDemoAgreementAsync(engine);
        using var desk = new DeskClient(engine.BaseUrl);
        (await desk.SignInAsync(DeskClient.SignInLinkOf(engine))).Dispose();

        Assert.Equal(400, (await desk.PostAsync($"/desk/cycles/{agreement.Id}/{Year}/start", [], antiforgeryFrom: null)).Status);
        Assert.Equal(400, (await desk.PostAsync($"/desk/cycles/{agreement.Id}/{Year}/start", [new("__af", "1700000000.deadbeef")], antiforgeryFrom: null)).Status);
        Assert.Equal(400, (await desk.UploadAsync("/desk/import", "roster.xlsx", await RosterAsync(), null)).Status);
        await AssertNothingChangedAsync(engine, agreement.Id, agreements: 1);

        // The value from another session does not carry over either.
        using var other = new DeskClient(engine.BaseUrl);
        (await other.SignInAsync(DeskClient.SignInLinkOf(engine, "Någon Annan"))).Dispose();
        var foreign = DeskClient.AntiforgeryIn((await other.GetAsync("/desk")).Html);
        Assert.Equal(400, (await desk.PostAsync($"/desk/cycles/{agreement.Id}/{Year}/start", [new("__af", foreign)], antiforgeryFrom: null)).Status);
        await AssertNothingChangedAsync(engine, agreement.Id, agreements: 1);

        var (status, html) = await desk.PostAsync($"/desk/cycles/{agreement.Id}/{Year}/start", [], antiforgeryFrom: $"/desk/cycles/{agreement.Id}/{Year}/start");
        Assert.Equal(200, status);
        Assert.Contains("started", html, StringComparison.Ordinal);
        var audit = await engine.Services.GetRequiredService<CoordinatorService>().AuditAsync(agreement.Id, Year);
        Assert.Equal("Test Samordnare", Assert.Single(audit).Actor);
    }

    static string Principal(string name, params string[] roles) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        auth_typ = "aad",
        name_typ = "name",
        role_typ = "roles",
        claims = new[] { new { typ = "name", val = name } }.Concat(roles.Select(r => new { typ = "roles", val = r })).ToArray(),
    })));

    static Task<byte[]> RosterAsync() => File.ReadAllBytesAsync(Path.Combine(Local.RepositoryPaths.Templates, "import", "exempel-roster.xlsx"));

    /// <summary>Storage after refused requests: the agreements that were there, no cycle, no audit entry.</summary>
    static async Task AssertNothingChangedAsync(LocalEngine engine, string agreementId, int agreements)
    {
        Assert.Equal(agreements, (await engine.Services.GetRequiredService<AgreementRepository>().ListIdsAsync()).Count);
        Assert.Null(await engine.Services.GetRequiredService<CycleRepository>().FindAsync(agreementId, Year));
        var coordinator = engine.Services.GetRequiredService<CoordinatorService>();
        Assert.Empty(await coordinator.AuditAsync(agreementId, null));
        Assert.Empty(await coordinator.AuditAsync(CoordinatorService.AuditAgreementForFailedImport, null));
    }
}
