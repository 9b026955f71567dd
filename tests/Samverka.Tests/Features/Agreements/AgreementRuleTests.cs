using Samverka.Web.Features.Agreements;
using static Samverka.Tests.Support.AgreementBuilder;

namespace Samverka.Tests.Features.Agreements;

public class AgreementRuleTests
{
    private static readonly DateOnly MidTerm = new(2024, 6, 15);

    [Fact]
    public void Budget_LinesAddingUpToTheGrant_IsAccepted() =>
        Assert.Null(Agreement.CheckBudget(1_400_000m, [1_050_000m, 150_000m, 170_000m, 10_000m, 20_000m]));

    [Fact]
    public void Budget_LinesNotAddingUp_IsRefusedWithBothSums()
    {
        var refusal = Agreement.CheckBudget(1_400_000m, [1_050_000m, 150_000m]);
        Assert.NotNull(refusal);
        Assert.Equal([1_200_000m, 1_400_000m], refusal.Args.Cast<decimal>());
    }

    [Fact]
    public void Budget_NegativeAmount_IsRefused() => Assert.NotNull(Agreement.CheckBudget(100m, [150m, -50m]));

    [Fact]
    public void Budget_NoLinesYet_IsAcceptedForADraft() => Assert.Null(Agreement.CheckBudget(1_400_000m, []));

    [Fact]
    public void Period_EndBeforeStart_IsRefused() =>
        Assert.Single(Agreement.CheckPeriod(new DateOnly(2024, 12, 31), new DateOnly(2024, 1, 1), null, 3));

    [Fact]
    public void Period_LatestExtensionBeforeEnd_IsRefused() =>
        Assert.Single(Agreement.CheckPeriod(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), new DateOnly(2024, 6, 30), 3));

    [Theory]
    [InlineData("2024-03-15", 3, "2024-06-15")]
    [InlineData("2024-11-30", 3, "2025-02-28")] // month end: no 30 February
    [InlineData("2024-01-31", 1, "2024-02-29")] // leap year
    public void Notice_EndDateFollowsFromTheNoticePeriod(string received, int months, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Agreement.EndAfterNotice(DateOnly.Parse(received, System.Globalization.CultureInfo.InvariantCulture), months));

    [Fact]
    public void Life_DraftToActive_FollowsTheSteps()
    {
        var a = Signed();
        Assert.Equal(AgreementStage.Signed, a.Stage);
        Assert.Equal(AgreementStatus.Signed, a.StatusOn(new DateOnly(2023, 12, 20)));
        Assert.Equal(AgreementStatus.Active, a.StatusOn(MidTerm));
        Assert.Equal(AgreementStatus.Ended, a.StatusOn(new DateOnly(2025, 1, 1)));
        Assert.Equal([AgreementStep.Proposed, AgreementStep.Decided, AgreementStep.Signed, AgreementStep.Signed], a.Events.Select(e => e.Step));
        Assert.All(a.Events, e => Assert.Equal("Test", e.RecordedByName));
    }

    [Fact]
    public void ADecisionNotYetSignedByAll_CanBeWithdrawnToDraft_WithTheReason_UndoingTheSignatures()
    {
        var a = Decided();
        Assert.Null(a.Sign(a.Parties[0], new DateOnly(2023, 12, 15), Someone));
        var decision = a.Decision;

        Assert.Equal("Say why the decision is withdrawn: the reason stays in the agreement's history.", a.Withdraw(Someone, "  ")?.Text);
        Assert.Equal(AgreementStage.Decided, a.Stage);

        Assert.Null(a.Withdraw(Someone, "Texten måste rättas innan den kan undertecknas"));
        Assert.Equal(AgreementStage.Draft, a.Stage);
        Assert.All(a.Parties, p => Assert.Null(p.SignedOn));
        Assert.Null(a.Decision);
        Assert.NotNull(decision); // the decision itself is not deleted: it stays in the decision record
        Assert.Equal((AgreementStep.Withdrawn, "Texten måste rättas innan den kan undertecknas"), (a.Events[^1].Step, a.Events[^1].Note));
    }

    [Fact]
    public void ASignedAgreement_CannotBeWithdrawn() =>
        Assert.Equal("Only a proposed agreement, or a decided one that not every party has signed, can be withdrawn to draft.", Signed().Withdraw(Someone, "Fel")?.Text);

    [Fact]
    public void Propose_BudgetNotAddingUp_IsRefusedAndNothingChanges()
    {
        var a = Draft();
        a.BudgetLines[0].Amount = 1m;
        Assert.NotNull(a.Propose(new DateOnly(2023, 11, 30), Someone));
        Assert.Equal(AgreementStage.Draft, a.Stage);
        Assert.Empty(a.Events);
    }

    [Fact]
    public void Propose_WithoutGoals_IsRefused()
    {
        var a = Draft();
        a.Goals.Clear();
        Assert.NotNull(a.Propose(new DateOnly(2023, 11, 30), Someone));
    }

    [Fact]
    public void Decide_BeforeBeingProposed_IsRefused()
    {
        var a = Draft();
        Assert.NotNull(a.Decide(Decision(new DateOnly(2023, 11, 30)), Someone));
        Assert.Equal(AgreementStage.Draft, a.Stage);
    }

    [Fact]
    public void Decide_BeforeTheMeeting_IsRefused() =>
        Assert.NotNull(Proposed().Decide(Decision(new DateOnly(2023, 11, 1)), Someone));

    [Fact]
    public void Sign_BeforeTheDecision_IsRefused()
    {
        var a = Proposed();
        Assert.NotNull(a.Sign(a.Parties[0], new DateOnly(2023, 12, 1), Someone));
        Assert.Null(a.Parties[0].SignedOn);
    }

    [Fact]
    public void Sign_Twice_IsRefused()
    {
        var a = Decided();
        Assert.Null(a.Sign(a.Parties[0], new DateOnly(2023, 12, 1), Someone));
        Assert.NotNull(a.Sign(a.Parties[0], new DateOnly(2023, 12, 2), Someone));
        Assert.Equal(AgreementStage.Decided, a.Stage);
    }

    [Fact]
    public void Extend_WithinTheLatestDate_MovesTheEndAndRecordsTheDecision()
    {
        var a = Signed();
        Assert.Null(a.Extend(new DateOnly(2025, 12, 31), Decision(new DateOnly(2024, 10, 1)), Someone));
        Assert.Equal(new DateOnly(2025, 12, 31), a.EndDate);
        Assert.Equal(AgreementStatus.Extended, a.StatusOn(MidTerm));
        var extension = Assert.Single(a.Extensions);
        Assert.Equal(new DateOnly(2024, 12, 31), extension.PreviousEndDate);
        Assert.Equal("§ 12", extension.Decision!.Paragraph);
    }

    [Fact]
    public void Extend_PastTheLatestDate_IsRefused()
    {
        var a = Signed();
        Assert.NotNull(a.Extend(new DateOnly(2027, 1, 31), Decision(new DateOnly(2024, 10, 1)), Someone));
        Assert.Equal(new DateOnly(2024, 12, 31), a.EndDate);
        Assert.Empty(a.Extensions);
    }

    [Fact]
    public void Extend_AfterTheAgreementEnded_IsRefused() =>
        Assert.NotNull(Signed().Extend(new DateOnly(2025, 12, 31), Decision(new DateOnly(2025, 2, 1)), Someone));

    [Fact]
    public void Terminate_EndsThreeMonthsAfterTheWrittenNotice()
    {
        var a = Signed();
        Assert.Null(a.Terminate(new DateOnly(2024, 5, 10), 1, MidTerm, Someone));
        Assert.Equal(new DateOnly(2024, 8, 10), a.EndDate);
        Assert.Equal(new DateOnly(2024, 5, 10), a.NoticeReceivedOn);
    }

    /// <summary>Issue 20, item 5: from the notice until the end date it still runs, notice given; terminated only after.</summary>
    [Fact]
    public void Terminate_ReadsNoticeGivenUntilTheEndDate_ThenTerminated()
    {
        var a = Signed();
        Assert.Null(a.Terminate(new DateOnly(2024, 5, 10), 1, MidTerm, Someone));
        Assert.Equal(AgreementStatus.NoticeGiven, a.StatusOn(MidTerm));
        Assert.Equal(AgreementStatus.NoticeGiven, a.StatusOn(new DateOnly(2024, 8, 10)));
        Assert.Equal(AgreementStatus.Terminated, a.StatusOn(new DateOnly(2024, 8, 11)));
    }

    [Fact]
    public void Terminate_NoticeBeforeTheStart_IsRefused()
    {
        var a = Signed();
        Assert.NotNull(a.Terminate(new DateOnly(2023, 12, 20), 1, MidTerm, Someone));
        Assert.Equal(AgreementStage.Signed, a.Stage);
    }

    [Fact]
    public void Terminate_NoticeLaterThanTheEnd_KeepsTheAgreedEnd()
    {
        var a = Signed();
        Assert.Null(a.Terminate(new DateOnly(2024, 11, 1), 1, new DateOnly(2024, 11, 2), Someone));
        Assert.Equal(new DateOnly(2024, 12, 31), a.EndDate);
    }

    [Theory]
    [InlineData(TargetKind.Count, null, null, null, null, 1)]
    [InlineData(TargetKind.Count, 300, null, null, null, 0)]
    [InlineData(TargetKind.CountPerEvent, 50, null, null, null, 1)]
    [InlineData(TargetKind.CountPerEvent, 50, 2, null, null, 0)]
    [InlineData(TargetKind.GenderShare, null, null, 60, 40, 0)]
    [InlineData(TargetKind.GenderShare, null, null, 70, 40, 1)]
    [InlineData(TargetKind.Count, -1, null, null, null, 1)]
    public void ExpectedResult_IsCheckedByKind(TargetKind kind, int? value, int? events, int? men, int? women, int problems) =>
        Assert.Equal(problems, new TargetRule(kind, TargetRule.DefaultDirection(kind), value, events, null, men, women, kind == TargetKind.GenderShare ? 5 : null, null, null).Check().Count());

    [Fact]
    public void ExpectedResult_PerEventTotal_IsEventsTimesValue() =>
        Assert.Equal(100m, new ExpectedResult { Description = "Två arrangemang", Kind = TargetKind.CountPerEvent, EventCount = 2, TargetValue = 50 }.TotalTarget);
}
