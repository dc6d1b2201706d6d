using System.Text;
using Trygghetsuppfoljning.Workflows.Forms;

namespace Trygghetsuppfoljning.Tests.Forms;

public sealed class UrlEncodedFormTests
{
    static List<KeyValuePair<string, string>> Parse(string body) => UrlEncodedForm.Parse(Encoding.Latin1.GetBytes(body));

    [Fact]
    public void Fields_keep_their_order_repeats_and_exact_text()
    {
        var fields = Parse("a=1&b=h%C3%A4r+och+d%C3%A4r&a=2&c=&d&&e=%F0%9F%91%AE%E2%80%8D%E2%99%80%EF%B8%8F&f=%3Cscript%3E%0D%0A");

        Assert.Equal(
            [new("a", "1"), new("b", "här och där"), new("a", "2"), new("c", ""), new("d", ""), new("e", "👮‍♀️"), new("f", "<script>\r\n")],
            fields);
    }

    [Fact]
    public void Control_characters_survive_for_the_validator_to_name()
    {
        Assert.Equal("a\u0001b\0c", Parse("x=a%01b%00c").Single().Value);
    }

    [Theory]
    [InlineData("x=%FF", "\uFFFD")]
    [InlineData("x=%C3%28", "\uFFFD(")]
    [InlineData("x=%ED%A0%80", "\uFFFD\uFFFD\uFFFD")]
    [InlineData("x=\u00FF", "\uFFFD")]
    [InlineData("x=%", "%")]
    [InlineData("x=%4", "%4")]
    [InlineData("x=%zz", "%zz")]
    public void Bytes_that_are_not_utf8_become_replacement_characters_and_stray_percents_stay(string body, string expected)
    {
        Assert.Equal(expected, Parse(body).Single().Value);
    }
}
