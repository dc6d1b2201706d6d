using Trygghetsuppfoljning.Workflows.Domain;

namespace Trygghetsuppfoljning.Tests.Domain;

public sealed class RevisionAssessmentTests
{
    [Fact]
    public void Agreement_signed_in_the_previous_mandate_period_is_due_for_revision()
    {
        var agreement = TestAgreements.Small() with { SignedOn = new DateOnly(2023, 3, 14) };

        var assessment = RevisionAssessment.For(agreement, new DateOnly(2026, 11, 25));

        Assert.True(assessment.Due);
        Assert.Equal(RevisionReason.NoRevisionInCurrentMandatePeriod, assessment.Reason);
        Assert.Equal(new DateOnly(2026, 10, 15), assessment.CurrentPeriod.Start);
    }

    [Fact]
    public void Agreement_signed_in_the_current_mandate_period_is_not_due()
    {
        var agreement = TestAgreements.Small() with { SignedOn = new DateOnly(2023, 3, 14) };

        var assessment = RevisionAssessment.For(agreement, new DateOnly(2026, 2, 1));

        Assert.False(assessment.Due);
        Assert.Equal(RevisionReason.NotDue, assessment.Reason);
    }

    [Fact]
    public void Party_request_after_the_latest_revision_makes_a_revision_due()
    {
        var agreement = TestAgreements.Small() with
        {
            SignedOn = new DateOnly(2023, 3, 14),
            RevisionRequests = [new RevisionRequest(Organisation.Polis, new DateOnly(2025, 5, 2), "Ny lägesbild")],
        };

        var assessment = RevisionAssessment.For(agreement, new DateOnly(2026, 2, 1));

        Assert.True(assessment.Due);
        Assert.Equal(RevisionReason.RequestedByParty, assessment.Reason);
        Assert.Equal(Organisation.Polis, Assert.Single(assessment.OpenRequests).Party);
    }

    [Fact]
    public void Request_answered_by_a_later_revision_no_longer_counts()
    {
        var agreement = TestAgreements.Small() with
        {
            SignedOn = new DateOnly(2023, 3, 14),
            LastRevisedOn = new DateOnly(2025, 9, 1),
            RevisionRequests = [new RevisionRequest(Organisation.Kommun, new DateOnly(2025, 5, 2))],
        };

        Assert.False(RevisionAssessment.For(agreement, new DateOnly(2026, 2, 1)).Due);
    }
}
