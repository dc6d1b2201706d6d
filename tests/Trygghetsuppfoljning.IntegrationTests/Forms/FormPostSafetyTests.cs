using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.Workflows.Forms;

namespace Trygghetsuppfoljning.IntegrationTests.Forms;

/// <summary>What protects a POST: an anti-forgery value bound to the link, a size limit, rate limits, a store that may fail.</summary>
[Collection(AzuriteTests.Name)]
public sealed class FormPostSafetyTests(AzuriteFixture azurite)
{
    const string Typed = "Allt detta skrevs för hand – 25 minuter av arbete ✍️";

    [Fact]
    public async Task Foreign_expired_or_missing_antiforgery_value_stores_nothing_and_keeps_everything_typed()
    {
        await using var s = await FormScenario.StartAsync(azurite);
        var johan = await s.LinkAsync("johan-ek");
        var anna = await s.LinkAsync("anna-berg");
        var fields = Answers.For(s.Agreement, "johan-ek", comment: Typed);

        var foreign = FormClient.AntiforgeryIn((await s.Client.GetAsync(anna)).Html);
        var johanHash = LinkToken.HashOf(johan[(johan.LastIndexOf('/') + 1)..])!;
        var options = s.Engine.Services.GetRequiredService<IOptions<FormOptions>>();
        var expired = new AntiforgeryProtector(options, new FixedTime(DateTimeOffset.UtcNow.AddHours(-13))).Issue(johanHash);
        var fresh = new AntiforgeryProtector(options, TimeProvider.System).Issue(johanHash);

        foreach (var (why, value) in new[] { ("another link's", foreign), ("expired", expired), ("tampered", fresh[..^1] + (fresh[^1] == '0' ? '1' : '0')), ("missing", null) })
        {
            var posted = value is null ? fields : [new("__af", value), .. fields];
            var (status, html) = await s.Client.PostAsync(johan, posted, withAntiforgery: false);
            var text = PageText.Of(html);
            Assert.True(status == 400, $"{why}: {status}");
            Assert.Contains("Sidan hade varit öppen för länge", text, StringComparison.Ordinal);
            Assert.Equal(s.Agreement.MeasuresOf("johan-ek").Count(), CountOf(text, Typed));
            Assert.Contains("value=\"OnTrack\" checked", html, StringComparison.Ordinal);

            // The page carries a fresh value, so sending again simply works.
            Assert.NotEqual(value, FormClient.AntiforgeryIn(html));
        }

        Assert.Empty(await s.RevisionsAsync("johan-ek"));
        Assert.Equal(200, (await s.Client.PostAsync(johan, fields)).Status);
        Assert.Single(await s.RevisionsAsync("johan-ek"));
    }

    [Fact]
    public async Task Oversized_bodies_get_a_clear_page_and_store_nothing()
    {
        await using var s = await FormScenario.StartAsync(azurite);
        var link = await s.LinkAsync("johan-ek");

        // 1.2 MB against the 1 MB limit; then 2,000 tiny fields (over the field-count limit).
        var (bigStatus, bigHtml) = await s.Client.PostAsync(link, Answers.For(s.Agreement, "johan-ek", comment: new string('x', 1200 * 1024)));
        var many = Enumerable.Range(0, 2000).Select(i => new KeyValuePair<string, string>($"f{i}", "1")).ToList();
        var (manyStatus, manyHtml) = await s.Client.PostAsync(link, many);

        Assert.Equal(413, bigStatus);
        Assert.Contains("Svaret är större än 1024 kB", PageText.Of(bigHtml), StringComparison.Ordinal);
        Assert.Contains("Gå tillbaka i webbläsaren", PageText.Of(bigHtml), StringComparison.Ordinal);
        Assert.Equal(413, manyStatus);
        Assert.Contains("För mycket text", PageText.Of(manyHtml), StringComparison.Ordinal);
        Assert.Empty(await s.RevisionsAsync("johan-ek"));
    }

    [Fact]
    public async Task Too_many_posts_per_link_or_per_address_get_a_try_again_in_n_minutes_page()
    {
        await using var s = await FormScenario.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Forms:PostsPerTokenPerWindow"] = "3",
            ["Forms:PostsPerAddressPerWindow"] = "5",
            ["Forms:RateLimitWindow"] = "00:10:00",
        });
        string a = await s.LinkAsync("anna-berg"), b = await s.LinkAsync("maria-nilsson"), c = await s.LinkAsync("karin-sjoberg");
        async Task<(int Status, string Text)> Draft(string link, string owner)
        {
            var (status, html) = await s.Client.PostAsync(link, Answers.For(s.Agreement, owner, FormFields.ActionDraft));
            return (status, PageText.Of(html));
        }

        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(200, (await Draft(a, "anna-berg")).Status);
        }

        // The fourth POST on one link: the link's limit — refused posts of a link do not count against its address,
        // so colleagues behind the same address go on until the address has five accepted posts.
        var byLink = Enumerable.Range(0, 10).Select(_ => Draft(a, "anna-berg").GetAwaiter().GetResult()).ToList();
        var otherLink = await Draft(b, "maria-nilsson");
        var fifth = await Draft(c, "karin-sjoberg");
        var byAddress = await Draft(c, "karin-sjoberg");

        Assert.All(byLink, r => Assert.Equal(429, r.Status));
        Assert.Contains("Försök igen om 10 minuter", byLink[0].Text, StringComparison.Ordinal);
        Assert.Equal(200, otherLink.Status);
        Assert.Equal(200, fifth.Status);
        Assert.Equal(429, byAddress.Status);
        Assert.Contains("Försök igen om 10 minuter", byAddress.Text, StringComparison.Ordinal);
        Assert.Equal(3, (await s.RevisionsAsync("anna-berg")).Count);
        Assert.Single(await s.RevisionsAsync("karin-sjoberg"));

        // GET is never limited: the owner can still read the form and their draft.
        Assert.Equal(200, (await s.Client.GetAsync(c)).Status);
    }

    [Fact]
    public async Task Storage_failure_on_save_says_so_and_keeps_everything_typed()
    {
        await using var s = await FormScenario.StartAsync(azurite);
        var link = await s.LinkAsync("anna-berg");
        var antiforgery = FormClient.AntiforgeryIn((await s.Client.GetAsync(link)).Html);
        List<KeyValuePair<string, string>> fields = [new("__af", antiforgery), .. Answers.For(s.Agreement, "anna-berg", comment: Typed)];

        // A real storage fault: the responses table vanishes under the running host.
        var responses = await s.Engine.Services.GetRequiredService<Workflows.Storage.TableStore>().GetAsync(Workflows.Storage.TableNames.Responses);
        await responses.DeleteAsync();
        var (status, html) = await s.Client.PostAsync(link, fields, withAntiforgery: false);
        var text = PageText.Of(html);

        Assert.Equal(503, status);
        Assert.Contains("Svaren kunde inte sparas just nu", text, StringComparison.Ordinal);
        Assert.Equal(s.Agreement.MeasuresOf("anna-berg").Count(), CountOf(text, Typed));
        Assert.Contains("value=\"OnTrack\" checked", html, StringComparison.Ordinal);

        // Opening the link while storage is down: a calm page, not a 500.
        var (getStatus, getHtml) = await s.Client.GetAsync(link);
        Assert.Equal(503, getStatus);
        Assert.Contains("tillfälligt otillgänglig", PageText.Of(getHtml), StringComparison.Ordinal);

        // Storage back: sending the kept input again stores it.
        await responses.CreateIfNotExistsAsync();
        Assert.Equal(200, (await s.Client.PostAsync(link, [new("__af", FormClient.AntiforgeryIn(html)), .. Answers.For(s.Agreement, "anna-berg", comment: Typed)], withAntiforgery: false)).Status);
        Assert.All(Assert.Single(await s.RevisionsAsync("anna-berg")).Answers, a => Assert.Equal(Typed, a.Comment));
    }

    [Fact]
    public async Task A_link_whose_table_vanished_gets_the_storage_down_page_never_the_dead_link_page()
    {
        await using var s = await FormScenario.StartAsync(azurite);
        var link = await s.LinkAsync("anna-berg");
        Assert.Equal(200, (await s.Client.GetAsync(link)).Status);

        // The links' table vanishes under the running host: a fault to retry later, not "this link does not exist".
        var tokens = await s.Engine.Services.GetRequiredService<Workflows.Storage.TableStore>().GetAsync(Workflows.Storage.TableNames.Tokens);
        await tokens.DeleteAsync();
        var (status, html) = await s.Client.GetAsync(link);

        Assert.Equal(503, status);
        Assert.Contains("tillfälligt otillgänglig", PageText.Of(html), StringComparison.Ordinal);
    }

    static int CountOf(string text, string value)
    {
        int count = 0;
        for (int i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
