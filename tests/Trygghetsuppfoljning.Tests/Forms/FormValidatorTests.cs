using Microsoft.Extensions.Options;
using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Forms;
using Trygghetsuppfoljning.Workflows.Templates;

namespace Trygghetsuppfoljning.Tests.Forms;

public sealed class FormValidatorTests
{
    static readonly TextCatalog Texts = new(new TemplateLoader("templates"));
    readonly FormValidator validator = new(Texts, Options.Create(new FormOptions()));
    readonly OwnerFormContext context;

    public FormValidatorTests()
    {
        var agreement = TestAgreements.Small();
        var cycle = new Cycle(agreement.Id, 2025, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(30), CycleState.Open);
        context = new OwnerFormContext(agreement, cycle, agreement.Owners[0], agreement.MeasuresOf("o1").ToList(), "hash");
    }

    static List<KeyValuePair<string, string>> Fields(params (string Key, string Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();

    [Fact]
    public void Red_light_without_a_comment_is_refused_in_the_owners_language()
    {
        var fields = Fields(("action", "submit"), ("m.m1.status", "OnTrack"), ("m.m1.light", "Red"), ("m.m1.comment", "  "));

        var sv = validator.Validate(context, fields, "sv");
        var en = validator.Validate(context, fields, "en");

        Assert.Contains(sv.Errors, e => e.Key == "m.m1.comment" && e.Value.StartsWith("Skriv en kommentar", StringComparison.Ordinal));
        Assert.Contains(en.Errors, e => e.Key == "m.m1.comment" && e.Value.StartsWith("Write a comment", StringComparison.Ordinal));
    }

    [Fact]
    public void Draft_may_be_incomplete_but_submit_needs_status_and_light()
    {
        var draft = validator.Validate(context, Fields(("action", "draft")), "sv");
        var submit = validator.Validate(context, Fields(("action", "submit")), "sv");

        Assert.True(draft.IsValid);
        Assert.False(draft.Submit);
        Assert.Contains(submit.Errors, e => e.Key == "m.m1.status");
        Assert.Contains(submit.Errors, e => e.Key == "m.m1.light");
    }

    [Theory]
    [InlineData("3,5", 3.5)]
    [InlineData("3.5", 3.5)]
    [InlineData("1 240", 1240)]
    [InlineData("-2", -2)]
    public void Indicator_values_accept_swedish_and_international_notation(string typed, double expected)
    {
        var result = validator.Validate(context, Fields(("action", "submit"), ("m.m1.status", "OnTrack"), ("m.m1.light", "Green"), ("m.m1.ind.i1", typed)), "sv");

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal((decimal)expected, result.Answers.Single().IndicatorValues["i1"]);
    }

    [Theory]
    [InlineData("m.m1.ind.i1", "tolv")]
    [InlineData("m.m1.status", "Klar")]
    [InlineData("m.m1.status", "0")]
    [InlineData("m.m1.light", "Blue")]
    [InlineData("m.m4.status", "OnTrack")]
    [InlineData("m.m1.comment", "tab\tok but bell \u0007 is not")]
    public void Bad_values_and_foreign_measures_get_a_message_and_keep_what_was_typed(string field, string value)
    {
        var fields = Fields(("action", "submit"), ("m.m1.status", "OnTrack"), ("m.m1.light", "Green"));
        fields.RemoveAll(f => f.Key == field);
        fields.Add(new(field, value));

        var result = validator.Validate(context, fields, "sv");

        Assert.False(result.IsValid);
        Assert.Equal(value, result.Typed[field]);
    }

    [Fact]
    public void Repeated_field_is_refused()
    {
        var result = validator.Validate(context, Fields(("action", "submit"), ("m.m1.status", "OnTrack"), ("m.m1.status", "Delayed"), ("m.m1.light", "Green")), "sv");

        Assert.Contains(result.Errors, e => e.Key == "m.m1.status");
    }

    [Fact]
    public void Emoji_html_and_right_to_left_text_are_kept_exactly()
    {
        const string comment = "<script>alert(1)</script> 👮‍♀️ مرحبا שלום & \"citat\"";
        var result = validator.Validate(context, Fields(("action", "submit"), ("m.m1.status", "OnTrack"), ("m.m1.light", "Green"), ("m.m1.comment", comment)), "sv");

        Assert.True(result.IsValid);
        Assert.Equal(comment, result.Answers.Single().Comment);
    }

    [Theory]
    [InlineData("trasig \uFFFD kodning", "felaktig teckenkodning")]
    [InlineData("ensam <lone-surrogate> surrogat", "osynliga styrtecken")]
    [InlineData("noll \0 tecken", "osynliga styrtecken")]
    public void Unstorable_text_is_named_and_kept_as_typed(string comment, string message)
    {
        // An attribute cannot carry a lone surrogate (the compiler stores attribute strings as UTF-8).
        comment = comment.Replace("<lone-surrogate>", "\uD800", StringComparison.Ordinal);
        var result = validator.Validate(context, Fields(("action", "draft"), ("m.m1.comment", comment)), "sv");

        Assert.Contains(result.Errors, e => e.Key == "m.m1.comment" && e.Value.Contains(message, StringComparison.Ordinal));
        Assert.Equal(comment, result.Typed["m.m1.comment"]);
    }
}
