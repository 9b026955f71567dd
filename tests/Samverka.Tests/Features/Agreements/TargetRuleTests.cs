using Samverka.Web.Features.Agreements;

namespace Samverka.Tests.Features.Agreements;

/// <summary>Issue 20, item 1: every quantitative target has a direction the agreement states, checked and worded once.</summary>
public class TargetRuleTests
{
    private static TargetRule Share(TargetDirection direction, decimal? value, ShareOf? of = ShareOf.Women, decimal? tolerance = null, string? label = null) =>
        new(TargetKind.Share, direction, value, null, null, null, null, tolerance, of, label);

    [Fact]
    public void AShareTarget_NeedsWhatItCountsAndTheShare()
    {
        Assert.Empty(Share(TargetDirection.AtLeast, 50).Check());
        Assert.Single(Share(TargetDirection.AtLeast, null).Check());
        Assert.Single(Share(TargetDirection.AtLeast, 50, of: null).Check());
        Assert.Equal("A share is between 0 and 100 %.", Assert.Single(Share(TargetDirection.AtMost, 120).Check()).Text);
    }

    [Fact]
    public void WithinATolerance_StatesTheTolerance_AndOnlyThenHasOne()
    {
        Assert.Contains("states the tolerance", Assert.Single(Share(TargetDirection.Within, 50).Check()).Text);
        Assert.Empty(Share(TargetDirection.Within, 50, tolerance: 5).Check());
        Assert.Contains("only for a target judged within", Assert.Single(Share(TargetDirection.AtLeast, 50, tolerance: 5).Check()).Text);
    }

    [Fact]
    public void ASplitByGender_IsJudgedWithinATolerance_AndPointsToTheShareTarget()
    {
        var atLeast = new TargetRule(TargetKind.GenderShare, TargetDirection.AtLeast, null, null, null, 50, 50, null, null, null);
        Assert.Contains("choose a share target", atLeast.Check().First().Text);
        Assert.Equal(TargetDirection.Within, TargetRule.DefaultDirection(TargetKind.GenderShare));
        Assert.Equal(TargetDirection.AtLeast, TargetRule.DefaultDirection(TargetKind.Count));
    }

    [Fact]
    public void APerEventTarget_IsNotWithinATolerance() =>
        Assert.Contains("not within a tolerance", new TargetRule(TargetKind.CountPerEvent, TargetDirection.Within, 50, 2, null, null, null, 5, null, null).Check().First().Text);

    [Theory]
    [InlineData(TargetDirection.AtLeast, 40, 40, true)]
    [InlineData(TargetDirection.AtLeast, 39.9, 40, false)]
    [InlineData(TargetDirection.AtMost, 10, 10, true)]
    [InlineData(TargetDirection.AtMost, 10.8, 10, false)]
    [InlineData(TargetDirection.Within, 55, 60, true)]
    [InlineData(TargetDirection.Within, 54.9, 60, false)]
    [InlineData(TargetDirection.Within, 65, 60, true)]
    public void Reaches_FollowsTheDirection(TargetDirection direction, double actual, double goal, bool reaches) =>
        Assert.Equal(reaches, Share(direction, (decimal)goal, tolerance: direction == TargetDirection.Within ? 5 : null).Reaches((decimal)actual, (decimal)goal));

    /// <summary>The DOCX and the import template write a target as an agreement would.</summary>
    [Fact]
    public void Phrase_InSwedish_ReadsAsAnAgreementWritesIt()
    {
        Assert.Equal("minst 50 procent flickor", Share(TargetDirection.AtLeast, 50, label: "flickor").Phrase(JsonStringLocalizer.InSwedish));
        Assert.Equal("högst 10 procent avbryter", Share(TargetDirection.AtMost, 10, ShareOf.DroppedOut).Phrase(JsonStringLocalizer.InSwedish));
        Assert.Equal("minst 80 procent av de svarande instämmer", Share(TargetDirection.AtLeast, 80, ShareOf.RespondentsAgreeing).Phrase(JsonStringLocalizer.InSwedish));
        Assert.Equal("minst 300 personer", new TargetRule(TargetKind.Count, TargetDirection.AtLeast, 300, null, "personer", null, null, null, null, null).Phrase(JsonStringLocalizer.InSwedish));
        Assert.Equal("2 × minst 50 besökare", new TargetRule(TargetKind.CountPerEvent, TargetDirection.AtLeast, 50, 2, "besökare", null, null, null, null, null).Phrase(JsonStringLocalizer.InSwedish));
        Assert.Equal("60 procent män och 40 procent kvinnor, ± 5 procentenheter",
            new TargetRule(TargetKind.GenderShare, TargetDirection.Within, null, null, null, 60, 40, 5, null, null).Phrase(JsonStringLocalizer.InSwedish));
    }

    private static TargetRule Level(TargetDirection direction, decimal? level, decimal? baseline = null, decimal? change = null) =>
        new(TargetKind.Level, direction, level, null, "hushåll", null, null, null, null, null, baseline, change);

    /// <summary>Issue 23, item 7: "at least 0" is met by anything; a target of none counts down.</summary>
    [Fact]
    public void AtLeastNone_IsRefused_PointingToAtMost()
    {
        Assert.Contains("choose at most 0", Assert.Single(new TargetRule(TargetKind.Count, TargetDirection.AtLeast, 0, null, null, null, null, null, null, null).Check()).Text);
        Assert.Contains("choose at most 0", Assert.Single(Level(TargetDirection.AtLeast, 0).Check()).Text);
        Assert.Empty(Level(TargetDirection.AtMost, 0).Check());
    }

    [Fact]
    public void ALevelFromABaseline_StatesBoth_AndItsDirectionFollowsTheChange()
    {
        Assert.Empty(Level(TargetDirection.AtMost, null, 50, -20).Check());
        Assert.Contains("both the baseline and the change", Assert.Single(Level(TargetDirection.AtMost, null, 50).Check()).Text);
        Assert.Contains("either the level or a change", Assert.Single(Level(TargetDirection.AtMost, 40, 50, -20).Check()).Text);
        Assert.Contains("choose at most", Assert.Single(Level(TargetDirection.AtLeast, null, 50, -20).Check()).Text);
        Assert.Contains("choose at least", Assert.Single(Level(TargetDirection.AtMost, null, 50, 10).Check()).Text);
        Assert.Single(Level(TargetDirection.AtMost, null, 50, -120).Check());
        Assert.Contains("only for a level target", Assert.Single(new TargetRule(TargetKind.Count, TargetDirection.AtLeast, 300, null, null, null, null, null, null, null, 50, -20).Check()).Text);
        Assert.Equal(TargetDirection.AtMost, TargetRule.DefaultDirection(TargetKind.Level, -20));
        Assert.Equal(TargetDirection.AtLeast, TargetRule.DefaultDirection(TargetKind.Level, 10));
    }

    [Fact]
    public void ALevel_InSwedish_ReadsAsAnAgreementWritesIt()
    {
        Assert.Equal("högst 0 hushåll", Level(TargetDirection.AtMost, 0).Phrase(JsonStringLocalizer.InSwedish));
        Assert.Equal("högst 40 hushåll, 20 procent färre än utgångsläget 50", Level(TargetDirection.AtMost, null, 50, -20).Phrase(JsonStringLocalizer.InSwedish));
        Assert.Equal("minst 220 hushåll, 10 procent fler än utgångsläget 200", Level(TargetDirection.AtLeast, null, 200, 10).Phrase(JsonStringLocalizer.InSwedish));
    }
}
