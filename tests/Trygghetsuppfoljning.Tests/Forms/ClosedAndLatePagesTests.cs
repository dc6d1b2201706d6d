using Trygghetsuppfoljning.Workflows.Domain;
using Trygghetsuppfoljning.Workflows.Forms;
using Trygghetsuppfoljning.Workflows.Templates;

namespace Trygghetsuppfoljning.Tests.Forms;

/// <summary>The owner's side around the deadline: a late but welcome answer, and a closed follow-up's link.</summary>
public sealed class ClosedAndLatePagesTests
{
    static readonly TemplateLoader Templates = new("templates");
    readonly FormPageRenderer pages = new(new TemplateRenderer(Templates, new TextCatalog(Templates)));
    readonly Agreement agreement = TestAgreements.Small();

    [Fact]
    public void Closed_link_says_the_follow_up_is_closed_and_that_the_answer_was_received_with_its_time()
    {
        var page = pages.Closed("sv", agreement, 2025, answerReceived: true, new DateTimeOffset(2026, 2, 10, 8, 5, 0, TimeSpan.Zero));

        Assert.Equal(200, page.StatusCode);
        Assert.Contains("Uppföljningen är avslutad", page.Html, StringComparison.Ordinal);
        Assert.Contains("Ditt svar togs emot 10 februari 2026 kl. 09:05. Tack!", page.Html, StringComparison.Ordinal);
        Assert.Contains(agreement.Municipality, page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("ogiltig", page.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Closed_link_of_an_owner_who_never_submitted_says_no_answer_was_received()
    {
        var sv = pages.Closed("sv", agreement, 2025, answerReceived: false);
        var en = pages.Closed("en", agreement, 2025, answerReceived: false);

        Assert.Contains("Vi fick inget inskickat svar från dig innan uppföljningen stängdes.", sv.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("togs emot", sv.Html, StringComparison.Ordinal);
        Assert.Contains("The 2025 follow-up is closed", en.Html, StringComparison.Ordinal);
        Assert.Contains("We did not receive a submitted answer from you", en.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Form_after_the_deadline_says_the_answer_is_late_but_welcome_until_close()
    {
        var cycle = new Cycle(agreement.Id, 2025, DateTimeOffset.UnixEpoch, new DateTimeOffset(2026, 2, 15, 22, 59, 0, TimeSpan.Zero), CycleState.Open);
        var owner = agreement.Owners[0];
        var context = new OwnerFormContext(agreement, cycle, owner, agreement.MeasuresOf(owner.Id).ToList(), "hash");

        var late = pages.Form(context, "sv", new Dictionary<string, string>(), [], "af", null, null, null, 200, lateUntilUtc: new DateTimeOffset(2026, 2, 22, 22, 59, 0, TimeSpan.Zero));
        var onTime = pages.Form(context, "sv", new Dictionary<string, string>(), [], "af", null, null, null, 200);

        Assert.Contains("Sista svarsdagen har passerat, men ditt svar är fortfarande välkommet fram till 22 februari 2026 kl. 23:59.", late.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Sista svarsdagen har passerat", onTime.Html, StringComparison.Ordinal);
    }
}
