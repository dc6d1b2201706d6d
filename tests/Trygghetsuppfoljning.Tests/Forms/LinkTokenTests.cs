using Trygghetsuppfoljning.Workflows.Forms;

namespace Trygghetsuppfoljning.Tests.Forms;

public sealed class LinkTokenTests
{
    [Fact]
    public void Token_carries_256_random_bits_and_only_its_hash_identifies_it()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => LinkToken.NewToken()).ToList();

        Assert.All(tokens, t => Assert.Equal(43, t.Length));
        Assert.Equal(1000, tokens.Distinct().Count());
        var hash = LinkToken.HashOf(tokens[0])!;
        Assert.Equal(64, hash.Length);
        Assert.DoesNotContain(tokens[0], hash, StringComparison.Ordinal);
        Assert.True(LinkToken.Matches(tokens[0], hash));
        Assert.False(LinkToken.Matches(tokens[1], hash));
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("../../etc/passwd")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa<")]
    [InlineData("ååååååååååååååååååååååååååååååååååååååååååå")]
    public void Malformed_tokens_have_no_hash(string token) => Assert.Null(LinkToken.HashOf(token));
}
