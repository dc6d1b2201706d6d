using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Trygghetsuppfoljning.Functions;
using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.Local.Engine;
using Trygghetsuppfoljning.Workflows.Coordination;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.IntegrationTests.Functions;

/// <summary>
/// Every HTTP function of the Functions app, called as the host calls it: services from the app's own set-up, a real
/// HttpContext, the answer executed into a response. The durable engine behind the client is the local one on the
/// same Azurite, so a started cycle really runs.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class FunctionsHttpTests(AzuriteFixture azurite)
{
    const int Year = 2025;
    static readonly string Coordinator = FunctionsApp.Principal("Sara Samordnare", "Samordnare");

    [Fact]
    public async Task A_cycle_runs_through_the_functions_with_string_enums_in_and_out_and_the_audit_names_the_person()
    {
        await using var smtp = new SmtpCapture();
        var prefix = TestEngine.NewPrefix();
        await using var engine = await TestEngine.StartAsync(azurite, smtp, prefix);
        using var app = FunctionsApp.Build(TestEngine.Settings(azurite, smtp, prefix));
        var agreement = await TestEngine.LoadDemoAgreementAsync(engine);

        var start = app.Request("POST", "/api/cycles", $$"""{"agreementId":"{{agreement.Id}}","year":{{Year}},"deadlineUtc":"{{DateTimeOffset.UtcNow.AddMinutes(10):O}}"}""", Coordinator);
        var started = await FunctionsApp.ExecuteAsync(start, await app.Coordinator.StartCycle(start, engine.Client));
        Assert.Equal(202, started.Status);
        await smtp.WaitForAsync(m => m.Count(x => x.Headers["X-Trygghet-Kind"] == "invitation") == agreement.Owners.Count, TimeSpan.FromSeconds(30));

        // The format the status API returns ("organisation":"Kommun") is the format replace accepts.
        var owner = agreement.Owners.First(o => o.Organisation == Organisation.Kommun);
        var replace = app.Request("POST", $"/api/cycles/{agreement.Id}/{Year}/owners/{owner.Id}/replace", """{"name":"Nina Ny","email":"nina.ny@example.com","organisation":"Kommun"}""", Coordinator);
        var replaced = await FunctionsApp.ExecuteAsync(replace, await app.Coordinator.ReplaceOwner(replace, agreement.Id, Year, owner.Id, engine.Client));
        Assert.True(replaced.Status is 200 or 202, $"{replaced.Status}: {replaced.Body}");

        var status = app.Request("GET", $"/api/cycles/{agreement.Id}/{Year}", principal: Coordinator);
        var shown = await FunctionsApp.ExecuteAsync(status, await app.Coordinator.GetCycleStatus(status, agreement.Id, Year, engine.Client));
        Assert.Equal(200, shown.Status);
        Assert.Equal("Open", shown.Json.GetProperty("state").GetString());
        var cycle = DomainJson.Deserialize<CycleStatus>(shown.Body);
        Assert.Contains(cycle.Owners, o => o.OwnerId == OwnerIds.FromEmail("nina.ny@example.com"));

        var audit = await engine.Services.GetRequiredService<CoordinatorService>().AuditAsync(agreement.Id, Year);
        Assert.NotEmpty(audit);
        Assert.All(audit, e => Assert.Equal("Sara Samordnare", e.Actor));

        var extend = app.Request("POST", $"/api/cycles/{agreement.Id}/{Year}/extend", $$"""{"deadlineUtc":"{{cycle.DeadlineUtc!.Value.AddDays(1):O}}"}""", Coordinator);
        Assert.Equal(200, (await FunctionsApp.ExecuteAsync(extend, await app.Coordinator.ExtendDeadline(extend, agreement.Id, Year, engine.Client))).Status);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[1,2]")]
    [InlineData("""{"agreementId":"hoganas","year":"tjugo"}""")]
    [InlineData("""{"name":"Nina","email":"n@example.com","organisation":"Brandkåren","deadlineUtc":"igår"}""")]
    public async Task Malformed_or_missing_bodies_get_400_with_a_message_and_change_nothing(string body)
    {
        await using var smtp = new SmtpCapture();
        var prefix = TestEngine.NewPrefix();
        await using var engine = await TestEngine.StartAsync(azurite, smtp, prefix);
        using var app = FunctionsApp.Build(TestEngine.Settings(azurite, smtp, prefix));
        var agreement = await TestEngine.LoadDemoAgreementAsync(engine);
        var owner = agreement.Owners[0].Id;

        var calls = new (string Name, Func<Task<FunctionsApp.Answer>> Call)[]
        {
            ("StartCycle", async () =>
            {
                var r = app.Request("POST", "/api/cycles", body, Coordinator);
                return await FunctionsApp.ExecuteAsync(r, await app.Coordinator.StartCycle(r, engine.Client));
            }),
            ("ExtendDeadline", async () =>
            {
                var r = app.Request("POST", $"/api/cycles/{agreement.Id}/{Year}/extend", body, Coordinator);
                return await FunctionsApp.ExecuteAsync(r, await app.Coordinator.ExtendDeadline(r, agreement.Id, Year, engine.Client));
            }),
            ("ReplaceOwner", async () =>
            {
                var r = app.Request("POST", $"/api/cycles/{agreement.Id}/{Year}/owners/{owner}/replace", body, Coordinator);
                return await FunctionsApp.ExecuteAsync(r, await app.Coordinator.ReplaceOwner(r, agreement.Id, Year, owner, engine.Client));
            }),
        };

        foreach (var (name, call) in calls)
        {
            var answer = await call();
            Assert.True(answer.Status == 400, $"{name} answered {answer.Status}: {answer.Body}");
            Assert.False(string.IsNullOrWhiteSpace(answer.Message), $"{name} gave no message.");
        }

        Assert.Null(await engine.Services.GetRequiredService<CycleRepository>().FindAsync(agreement.Id, Year));
        Assert.Null(await engine.Client.GetInstanceAsync(CycleIds.CycleInstance(agreement.Id, Year)));
    }

    [Fact]
    public async Task Coordinator_functions_refuse_a_caller_without_the_role_401_or_403_and_change_nothing()
    {
        await using var smtp = new SmtpCapture();
        var prefix = TestEngine.NewPrefix();
        await using var engine = await TestEngine.StartAsync(azurite, smtp, prefix);
        using var app = FunctionsApp.Build(TestEngine.Settings(azurite, smtp, prefix));
        var agreement = await TestEngine.LoadDemoAgreementAsync(engine);
        var owner = agreement.Owners[0];
        var import = (await File.ReadAllTextAsync(Path.Combine(Local.RepositoryPaths.Templates, "demo", "hoganas.json")))
            .Replace("\"id\": \"hoganas\"", "\"id\": \"obehorig\"", StringComparison.Ordinal);
        var start = $$"""{"agreementId":"{{agreement.Id}}","year":{{Year}}}""";
        var f = app.Coordinator;
        var a = agreement.Id;

        // Every coordinator function, with a valid body: only the missing role may stop it.
        var calls = new Dictionary<string, Func<string?, Task<FunctionsApp.Answer>>>
        {
            [nameof(CoordinatorFunctions.StartCycle)] = async p => { var r = app.Request("POST", "/api/cycles", start, p); return await FunctionsApp.ExecuteAsync(r, await f.StartCycle(r, engine.Client)); },
            [nameof(CoordinatorFunctions.GetCycleStatus)] = async p => { var r = app.Request("GET", $"/api/cycles/{a}/{Year}", null, p); return await FunctionsApp.ExecuteAsync(r, await f.GetCycleStatus(r, a, Year, engine.Client)); },
            [nameof(CoordinatorFunctions.ExtendDeadline)] = async p => { var r = app.Request("POST", $"/api/cycles/{a}/{Year}/extend", """{"deadlineUtc":"2030-01-01T00:00:00Z"}""", p); return await FunctionsApp.ExecuteAsync(r, await f.ExtendDeadline(r, a, Year, engine.Client)); },
            [nameof(CoordinatorFunctions.CloseCycle)] = async p => { var r = app.Request("POST", $"/api/cycles/{a}/{Year}/close", null, p); return await FunctionsApp.ExecuteAsync(r, await f.CloseCycle(r, a, Year, engine.Client)); },
            [nameof(CoordinatorFunctions.ResendOwnerLink)] = async p => { var r = app.Request("POST", $"/api/cycles/{a}/{Year}/owners/{owner.Id}/resend", null, p); return await FunctionsApp.ExecuteAsync(r, await f.ResendOwnerLink(r, a, Year, owner.Id)); },
            [nameof(CoordinatorFunctions.ReplaceOwner)] = async p => { var r = app.Request("POST", $"/api/cycles/{a}/{Year}/owners/{owner.Id}/replace", """{"name":"X","email":"x@example.com","organisation":"Kommun"}""", p); return await FunctionsApp.ExecuteAsync(r, await f.ReplaceOwner(r, a, Year, owner.Id, engine.Client)); },
            [nameof(CoordinatorFunctions.ImportAgreement)] = async p => { var r = app.Request("POST", "/api/agreements", import, p); return await FunctionsApp.ExecuteAsync(r, await f.ImportAgreement(r)); },
            [nameof(CoordinatorFunctions.ResumeCycle)] = async p => { var r = app.Request("POST", $"/api/cycles/{a}/{Year}/resume", null, p); return await FunctionsApp.ExecuteAsync(r, await f.ResumeCycle(r, a, Year, engine.Client)); },
            [nameof(CoordinatorFunctions.MigrateStorage)] = async p => { var r = app.Request("POST", "/api/migrate", null, p); return await FunctionsApp.ExecuteAsync(r, await f.MigrateStorage(r, engine.Client)); },
            [nameof(CoordinatorFunctions.ImportHistory)] = async p => { var r = app.Request("POST", $"/api/agreements/{a}/history", "År;Åtgärd;Indikator;Värde\n2023;P-02;Narkotikaärenden där den misstänkte är under 21 år;45\n", p); return await FunctionsApp.ExecuteAsync(r, await f.ImportHistory(r, a)); },
            [nameof(CoordinatorFunctions.PurgePersonalData)] = async p => { var r = app.Request("POST", "/api/retention/purge", null, p); return await FunctionsApp.ExecuteAsync(r, await f.PurgePersonalData(r, engine.Client)); },
            [nameof(CoordinatorFunctions.ReopenOwners)] = async p => { var r = app.Request("POST", $"/api/cycles/{a}/{Year}/reopen", $$"""{"ownerIds":["{{owner.Id}}"],"deadlineUtc":"2030-01-01T00:00:00Z"}""", p); return await FunctionsApp.ExecuteAsync(r, await f.ReopenOwners(r, a, Year, engine.Client)); },
            [nameof(CoordinatorFunctions.CloseReturnRound)] = async p => { var r = app.Request("POST", $"/api/cycles/{a}/{Year}/reopen/close", null, p); return await FunctionsApp.ExecuteAsync(r, await f.CloseReturnRound(r, a, Year, engine.Client)); },
            [nameof(CoordinatorFunctions.DownloadReport)] = async p => { var r = app.Request("GET", $"/api/cycles/{a}/{Year}/report?regenerate=true", null, p); return await FunctionsApp.ExecuteAsync(r, await f.DownloadReport(r, a, Year)); },
        };
        var functions = typeof(CoordinatorFunctions).GetMethods().Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null).Select(m => m.Name).Order().ToList();
        Assert.Equal(functions, calls.Keys.Order().ToList());

        // The follow-up's coordinator routes (decision, effect figures) too: every one that is not anonymous.
        var u = app.FollowUp;
        var followUp = new Dictionary<string, Func<string?, Task<FunctionsApp.Answer>>>
        {
            [nameof(FollowUpFunctions.RecordSteeringDecision)] = async p => { var r = app.Request("POST", $"/api/cycles/{a}/{Year}/decision", """{"approved":true,"date":"2026-02-10"}""", p); return await FunctionsApp.ExecuteAsync(r, await u.RecordSteeringDecision(r, a, Year, engine.Client)); },
            [nameof(FollowUpFunctions.ListEffectFigures)] = async p => { var r = app.Request("GET", $"/api/cycles/{a}/{Year}/effects", null, p); return await FunctionsApp.ExecuteAsync(r, await u.ListEffectFigures(r, a, Year)); },
            [nameof(FollowUpFunctions.RecordEffectFigure)] = async p => { var r = app.Request("POST", $"/api/cycles/{a}/{Year}/effects", """{"measureId":"P-02","indicatorId":"x","value":1,"source":"SCB","sourceDate":"2026-01-01"}""", p); return await FunctionsApp.ExecuteAsync(r, await u.RecordEffectFigure(r, a, Year)); },
        };
        var keyed = typeof(FollowUpFunctions).GetMethods()
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null && m.GetParameters().Any(p => p.GetCustomAttribute<HttpTriggerAttribute>() is { AuthLevel: not AuthorizationLevel.Anonymous }))
            .Select(m => m.Name).Order().ToList();
        Assert.Equal(keyed, followUp.Keys.Order().ToList());
        foreach (var (name, call) in followUp)
        {
            calls[name] = call;
        }

        var refusals = new (string? Principal, int Status)[]
        {
            (null, 401),
            ("not base64 at all", 401),
            (FunctionsApp.Principal("Olle Obehörig"), 403),
            (FunctionsApp.Principal("Olle Obehörig", "Läsare"), 403),
        };
        foreach (var (principal, expected) in refusals)
        {
            foreach (var (name, call) in calls)
            {
                var answer = await call(principal);
                Assert.True(answer.Status == expected, $"{name} with principal '{principal}' answered {answer.Status}, expected {expected}: {answer.Body}");
                Assert.False(string.IsNullOrWhiteSpace(answer.Message));
            }
        }

        Assert.Null(await engine.Services.GetRequiredService<CycleRepository>().FindAsync(a, Year));
        Assert.Null(await engine.Client.GetInstanceAsync(CycleIds.CycleInstance(a, Year)));
        Assert.Null(await engine.Services.GetRequiredService<AgreementRepository>().FindAsync("obehorig"));
        Assert.Empty(await engine.Services.GetRequiredService<CoordinatorService>().AuditAsync(a, null));
        Assert.Empty(smtp.Messages);

        // The same call with the role goes through: the refusals above were the role, not the request.
        Assert.Equal(202, (await calls[nameof(CoordinatorFunctions.StartCycle)](Coordinator)).Status);
    }

    [Fact]
    public async Task Outside_development_a_principal_header_counts_only_when_app_service_authentication_is_on()
    {
        await using var smtp = new SmtpCapture();
        var settings = TestEngine.Settings(azurite, smtp, TestEngine.NewPrefix());
        using var withoutAuth = FunctionsApp.Build(settings, environment: "Production");
        var forged = withoutAuth.Request("GET", "/api/cycles/hoganas/2025", principal: Coordinator);
        Assert.Equal(401, (await FunctionsApp.ExecuteAsync(forged, await withoutAuth.Coordinator.GetCycleStatus(forged, "hoganas", Year, null!))).Status);

        settings["WEBSITE_AUTH_ENABLED"] = "True";
        await using var engine = await TestEngine.StartAsync(azurite, smtp, settings["Storage:TablePrefix"]!);
        using var withAuth = FunctionsApp.Build(settings, environment: "Production");
        var signedIn = withAuth.Request("GET", "/api/cycles/hoganas/2025", principal: Coordinator);
        Assert.Equal(404, (await FunctionsApp.ExecuteAsync(signedIn, await withAuth.Coordinator.GetCycleStatus(signedIn, "hoganas", Year, engine.Client))).Status);
    }

    [Fact]
    public async Task Form_functions_answer_html_for_an_unknown_link_and_a_refused_body()
    {
        await using var smtp = new SmtpCapture();
        var prefix = TestEngine.NewPrefix();
        await using var engine = await TestEngine.StartAsync(azurite, smtp, prefix);
        using var app = FunctionsApp.Build(TestEngine.Settings(azurite, smtp, prefix));

        var show = app.Request("GET", "/forms/okand-lank");
        var shown = await FunctionsApp.ExecuteAsync(show, await app.Forms.ShowForm(show, "okand-lank"));
        Assert.Equal(404, shown.Status);
        Assert.StartsWith("text/html", shown.ContentType, StringComparison.Ordinal);
        Assert.Contains("<html", shown.Body, StringComparison.OrdinalIgnoreCase);

        var post = app.Request("POST", "/forms/okand-lank", "measure=1", contentType: "application/x-www-form-urlencoded");
        var posted = await FunctionsApp.ExecuteAsync(post, await app.Forms.SubmitForm(post, "okand-lank"));
        Assert.True(posted.Status is >= 400 and < 500, posted.Status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("<html", posted.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Outside_development_the_app_refuses_to_start_with_mail_to_a_folder()
    {
        await using var smtp = new SmtpCapture();
        var settings = TestEngine.Settings(azurite, smtp, TestEngine.NewPrefix());
        settings["Forms:AntiforgeryKey"] = new string('k', 40);
        settings["Forms:PublicBaseUrl"] = "https://trygghet.kommun.example";
        settings["Mail:Transport"] = "Pickup";
        using var app = FunctionsApp.Build(settings, environment: "Production");
        var refused = Assert.Throws<InvalidOperationException>(() => app.Host.CheckBeforeStart());
        Assert.Contains("Mail__Transport", refused.Message, StringComparison.Ordinal);

        settings["Mail:Transport"] = "Smtp";
        using var withSmtp = FunctionsApp.Build(settings, environment: "Production");
        withSmtp.Host.CheckBeforeStart();
    }
}
