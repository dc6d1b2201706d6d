using System.Net.Http.Headers;
using System.Text;
using Trygghetsuppfoljning.IntegrationTests.Infrastructure;
using Trygghetsuppfoljning.Workflows.Forms;

namespace Trygghetsuppfoljning.IntegrationTests.Forms;

/// <summary>Input nobody should send, sent anyway: each gets a clear message or is stored exactly and rendered inert.</summary>
[Collection(AzuriteTests.Name)]
public sealed class HostileInputTests(AzuriteFixture azurite)
{
    const string Owner = "karin-sjoberg";

    [Fact]
    public async Task Html_script_template_emoji_and_right_to_left_text_are_stored_exactly_and_rendered_inert()
    {
        await using var s = await FormScenario.StartAsync(azurite);
        var link = await s.LinkAsync(Owner);
        const string comment = "<script>alert('x')</script><img src=x onerror=alert(1)> 👮‍♀️🇸🇪 مرحبا بالعالم שלום & \"q\" 'a' \\ </textarea>";
        const string plan = "{{ 7 | times: 7 }} {% raw %} ${jndi:x} %00 \t tabb\nny rad";

        var (status, html) = await s.Client.PostAsync(link, Fields(comment: comment, plan: plan));

        Assert.Equal(200, status);
        var answer = Assert.Single(Assert.Single(await s.RevisionsAsync(Owner)).Answers);
        Assert.Equal(comment, answer.Comment);
        Assert.Equal(plan, answer.NextYearPlan);

        // Shown back on the confirmation and on the form as text, never as markup.
        var (_, form) = await s.Client.GetAsync(link);
        foreach (var page in new[] { html, form })
        {
            Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
            Assert.DoesNotContain("</textarea> ", page, StringComparison.Ordinal);
            Assert.Contains(comment, PageText.Of(page), StringComparison.Ordinal);
            Assert.Contains("{{ 7 | times: 7 }}", PageText.Of(page), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Control_characters_invalid_utf8_and_64_kb_texts_get_a_message_and_keep_the_input()
    {
        await using var s = await FormScenario.StartAsync(azurite);
        var link = await s.LinkAsync(Owner);

        // Bidirectional overrides and isolates would reverse text in the official report: refused like other control characters.
        foreach (var control in new[] { "rad 1\u0001rad 2", "noll\0tecken", "escape \u001b[31m röd", "vänd \u202Eabc\u202C text", "isolat \u2066x\u2069" })
        {
            var (status, html) = await s.Client.PostAsync(link, Fields(comment: control));
            Assert.Equal(400, status);
            Assert.Contains("osynliga styrtecken", PageText.Of(html), StringComparison.Ordinal);
            Assert.Contains(control, PageText.Of(html), StringComparison.Ordinal);
        }

        // Bytes that are not UTF-8 (a broken sequence, a lone 0xFF, an encoded surrogate) in a raw body.
        var antiforgery = FormClient.AntiforgeryIn((await s.Client.GetAsync(link)).Html);
        var body = new List<byte>(Encoding.ASCII.GetBytes($"__af={Uri.EscapeDataString(antiforgery)}&action=submit&m.m07.status=OnTrack&m.m07.light=Green&m.m07.comment=bra%C3%28text"));
        body.AddRange(Encoding.ASCII.GetBytes("&m.m07.plan=plan"));
        body.AddRange([0xFF, 0xFE]);
        body.AddRange(Encoding.ASCII.GetBytes("%ED%A0%80slut"));
        using var raw = new ByteArrayContent(body.ToArray());
        raw.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        var (rawStatus, rawHtml) = await s.Client.PostRawAsync(link, raw);
        Assert.Equal(400, rawStatus);
        Assert.Contains("felaktig teckenkodning", PageText.Of(rawHtml), StringComparison.Ordinal);
        Assert.Contains("value=\"OnTrack\" checked", rawHtml, StringComparison.Ordinal);
        Assert.Contains("bra\uFFFD(text", PageText.Of(rawHtml), StringComparison.Ordinal);

        // 64 KB of text against the 4,000-character limit: refused with the numbers, and every character kept
        // (all non-ASCII, so the body is as large as such a text gets: each "ö" is six bytes once percent-encoded).
        var huge = new string('ö', 65536);
        var (hugeStatus, hugeHtml) = await s.Client.PostAsync(link, Fields(comment: huge));
        Assert.Equal(400, hugeStatus);
        Assert.Contains("Texten får vara högst", PageText.Of(hugeHtml), StringComparison.Ordinal);
        Assert.Contains(huge, PageText.Of(hugeHtml), StringComparison.Ordinal);

        Assert.Empty(await s.RevisionsAsync(Owner));
    }

    [Fact]
    public async Task Repeated_missing_unknown_and_foreign_fields_get_a_message_and_store_nothing()
    {
        await using var s = await FormScenario.StartAsync(azurite);
        var link = await s.LinkAsync(Owner);
        var cases = new (string Why, List<KeyValuePair<string, string>> Fields, string Message)[]
        {
            ("repeated", [.. Fields(), new(FormFields.Status("m07"), "Delayed")], "skickades mer än en gång"),
            ("status missing", Fields().Where(f => f.Key != FormFields.Status("m07")).ToList(), "Välj en status."),
            ("light missing", Fields().Where(f => f.Key != FormFields.Light("m07")).ToList(), "Välj ett trafikljus."),
            ("status not a choice", [.. Fields().Where(f => f.Key != FormFields.Status("m07")), new(FormFields.Status("m07"), "1")], "Välj en av de angivna statusarna."),
            ("light not a choice", [.. Fields().Where(f => f.Key != FormFields.Light("m07")), new(FormFields.Light("m07"), "Blue")], "Välj grön, gul eller röd."),
            ("another owner's measure", [.. Fields(), new(FormFields.Comment("m02"), "Jag skriver i Annas åtgärd")], "inte är din"),
            ("a measure that does not exist", [.. Fields(), new(FormFields.Status("m99"), "OnTrack")], "inte är din"),
            ("an unknown field", [.. Fields(), new("isAdmin", "true")], "okänt fält"),
            ("a number that is not one", [.. Fields().Where(f => !f.Key.Contains(".ind.", StringComparison.Ordinal)), new(FormFields.Indicator("m07", "korsningar"), "1e9999")], "Ange ett tal"),
        };

        foreach (var (why, fields, message) in cases)
        {
            var (status, html) = await s.Client.PostAsync(link, fields);
            Assert.True(status == 400, $"{why}: {status}");
            Assert.True(PageText.Of(html).Contains(message, StringComparison.Ordinal), $"{why}: no '{message}'");
            Assert.Empty(await s.RevisionsAsync(Owner));
        }

        // A draft with only some fields present is fine: what is missing is stored as empty.
        var (draftStatus, _) = await s.Client.PostAsync(link, [new(FormFields.Action, FormFields.ActionDraft), new(FormFields.Light("m07"), "Yellow")]);
        Assert.Equal(200, draftStatus);
        var answer = Assert.Single(Assert.Single(await s.RevisionsAsync(Owner)).Answers);
        Assert.Equal(("m07", (Workflows.Domain.MeasureStatus?)null, Workflows.Domain.TrafficLight.Yellow, "", ""), (answer.MeasureId, answer.Status, answer.Light, answer.Comment, answer.NextYearPlan));
    }

    [Fact]
    public async Task Odd_bodies_content_types_and_languages_never_get_a_500()
    {
        await using var s = await FormScenario.StartAsync(azurite);
        var link = await s.LinkAsync(Owner);
        var antiforgery = FormClient.AntiforgeryIn((await s.Client.GetAsync(link)).Html);

        // A browser may send multipart: it works like the usual encoding.
        using var multipart = new MultipartFormDataContent();
        foreach (var (k, v) in Fields(comment: "Via multipart").Prepend(new("__af", antiforgery)))
        {
            multipart.Add(new StringContent(v), k);
        }

        Assert.Equal(200, (await s.Client.PostRawAsync(link, multipart)).Status);

        var odd = new (string Why, string ContentType, string Body, int Expected)[]
        {
            ("json", "application/json", "{\"m.m07.status\":\"OnTrack\"}", 400),
            ("plain text", "text/plain", "hello", 400),
            ("broken multipart", "multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end", 400),
            ("multipart without boundary", "multipart/form-data", "--xyz--", 400),
            ("unknown charset", "application/x-www-form-urlencoded; charset=klingon", "action=submit", 400),
            ("empty form", "application/x-www-form-urlencoded", string.Empty, 400),
            ("only separators", "application/x-www-form-urlencoded", "&&&===&%", 400),
        };
        foreach (var (why, contentType, body, expected) in odd)
        {
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            var (status, html) = await s.Client.PostRawAsync(link, content);
            Assert.True(status == expected, $"{why}: {status}");
            Assert.Contains("<html lang=\"sv\">", html, StringComparison.Ordinal);
        }

        // A language nobody offers falls back to Swedish, whether asked for in the query or in the form.
        var (getStatus, getHtml) = await s.Client.GetAsync(link + "?lang=%3Cscript%3E");
        Assert.Equal(200, getStatus);
        Assert.Contains("<html lang=\"sv\">", getHtml, StringComparison.Ordinal);
        var (postStatus, postHtml) = await s.Client.PostAsync(link, [.. Fields().Where(f => f.Key != FormFields.Language), new(FormFields.Language, "\"><script>")]);
        Assert.Equal(200, postStatus);
        Assert.Contains("<html lang=\"sv\">", postHtml, StringComparison.Ordinal);
        Assert.Equal(["Via multipart", "Fortsätta som planerat."], (await s.RevisionsAsync(Owner)).Select(r => r.Answers.Single().Comment.Length == 0 ? r.Answers.Single().NextYearPlan : r.Answers.Single().Comment));
    }

    static List<KeyValuePair<string, string>> Fields(string comment = "", string plan = "Fortsätta som planerat.") =>
    [
        new(FormFields.Action, FormFields.ActionSubmit),
        new(FormFields.Language, "sv"),
        new(FormFields.Status("m07"), "OnTrack"),
        new(FormFields.Light("m07"), "Green"),
        new(FormFields.Comment("m07"), comment),
        new(FormFields.Indicator("m07", "korsningar"), "12"),
        new(FormFields.Plan("m07"), plan),
    ];
}
