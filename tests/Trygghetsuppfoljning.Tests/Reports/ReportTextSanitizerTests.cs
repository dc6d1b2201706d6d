using Trygghetsuppfoljning.Workflows.Reports;

namespace Trygghetsuppfoljning.Tests.Reports;

public sealed class ReportTextSanitizerTests
{
    [Theory]
    [InlineData("a\u0000b\u000Bc", "abc")]
    [InlineData("😀 שלום", "😀 שלום")]
    [InlineData("tab\tand\nline", "tab\tand\nline")]
    [InlineData("\uFFFE\uFFFFok", "ok")]
    public void Clean_drops_only_what_xml_forbids(string input, string expected) =>
        Assert.Equal(expected, ReportTextSanitizer.Clean(input));

    [Fact]
    public void Clean_drops_lone_surrogates_but_keeps_pairs()
    {
        // Built in code: xunit's attribute data cannot carry lone surrogates intact.
        var input = new string(['x', '\uDC00', 'y', '\uD83D', '\uD83D', '\uDE00']);
        Assert.Equal("xy😀", ReportTextSanitizer.Clean(input));
    }

    [Fact]
    public void Truncate_never_splits_a_surrogate_pair() =>
        Assert.Equal("ab…", ReportTextSanitizer.Truncate("ab😀cd", 3, "…"));
}
