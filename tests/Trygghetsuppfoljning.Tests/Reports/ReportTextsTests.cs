using Trygghetsuppfoljning.Workflows.Reports;
using Trygghetsuppfoljning.Workflows.Templates;

namespace Trygghetsuppfoljning.Tests.Reports;

public sealed class ReportTextsTests
{
    [Fact]
    public void Times_stored_in_utc_are_dated_in_swedish_time()
    {
        var texts = new ReportTexts(new TextCatalog(SampleReportData.Templates()), "sv");

        Assert.Equal("4 februari 2026", texts.Date(new DateTimeOffset(2026, 2, 3, 23, 30, 0, TimeSpan.Zero)));
        Assert.Equal("3 februari 2026", texts.Date(new DateTimeOffset(2026, 2, 3, 22, 30, 0, TimeSpan.Zero)));
    }
}
