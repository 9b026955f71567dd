using Samverka.Web.Features.Agreements;

namespace Samverka.Tests.Features.Agreements;

/// <summary>Issue 23, item 6: a grant adjusted each year by a percentage or an index, and a one-off amount, year by year.</summary>
public class GrantTermsTests
{
    private static GrantTerms Terms(GrantAdjustmentKind? kind = null, decimal? percent = null, string? index = null, decimal[]? values = null,
        decimal? oneOff = null, int? oneOffYear = null, decimal? grant = 1_400_000m, bool withoutGrant = false) =>
        new(grant, withoutGrant, 2024, 2026, kind, percent, index, values ?? [], oneOff, oneOffYear);

    [Fact]
    public void TwoPercentAYear_IsComputedYearByYear_InWholeKronor()
    {
        var t = Terms(GrantAdjustmentKind.Percentage, 2);
        Assert.Empty(t.Check());
        Assert.Equal([1_400_000m, 1_428_000m, 1_456_560m], t.Years.Select(y => y.Grant));
        Assert.Equal(1_404_557m, Terms(GrantAdjustmentKind.Percentage, 0.3255m).GrantFor(2025)); // 1 404 557,00
        Assert.Equal(2m, new GrantTerms(1.5m, false, 2024, 2025, GrantAdjustmentKind.Percentage, 0, null, [], null, null).GrantFor(2025)); // ,5 rounds up
    }

    [Fact]
    public void AnIndex_GivesAYearsAmountOnceItsValueIsKnown()
    {
        var t = Terms(GrantAdjustmentKind.Index, index: "KPI", values: [100m, 102.4m]);
        Assert.Empty(t.Check());
        Assert.Equal([1_400_000m, 1_433_600m, null], t.Years.Select(y => y.Grant));
        Assert.Null(t.Years[2].Total);
    }

    [Fact]
    public void AOneOffAmount_CountsInItsYear_OrTheFirst()
    {
        Assert.Equal([1_400_000m, 1_450_000m, 1_400_000m], Terms(oneOff: 50_000m, oneOffYear: 2025).Years.Select(y => y.Total));
        Assert.Equal(1_450_000m, Terms(oneOff: 50_000m).Years[0].Total);
        Assert.False(Terms().VariesByYear);
    }

    [Theory]
    [InlineData(GrantAdjustmentKind.Percentage, -150.0, null, "negative grant")]
    [InlineData(GrantAdjustmentKind.Percentage, null, null, "State the percentage")]
    [InlineData(GrantAdjustmentKind.Index, null, null, "Name the index")]
    public void ABadAdjustment_IsRefused_SayingWhy(GrantAdjustmentKind kind, double? percent, string? index, string why) =>
        Assert.Contains(Terms(kind, (decimal?)percent, index).Check(), p => p.Message.Text.Contains(why, StringComparison.Ordinal));

    [Fact]
    public void AnIndexThatGivesANegativeAmount_OrTooManyValues_OrNoBase_IsRefused()
    {
        var negative = Terms(GrantAdjustmentKind.Index, index: "KPI", values: [100m, -3m]).Check().Single();
        Assert.Equal(("indexValues", "The adjustment gives a negative grant in {0} ({1}): a grant is 0 or more."), (negative.Field, negative.Message.Text));
        Assert.Equal(2025, negative.Message.Args[0]);
        Assert.Contains("at most {0} index values", Terms(GrantAdjustmentKind.Index, index: "KPI", values: [100m, 101m, 102m, 103m]).Check().Single().Message.Text);
        Assert.Contains("is the base", Terms(GrantAdjustmentKind.Index, index: "KPI", values: [0m, 101m]).Check().Single().Message.Text);
    }

    [Fact]
    public void TheTerms_HangTogether()
    {
        Assert.Equal("grantAdjustment", Terms(GrantAdjustmentKind.Percentage, 2, grant: null).Check().Single().Field);
        Assert.Equal("adjustmentPercent", Terms(percent: 2).Check().Single().Field);
        Assert.Equal("indexValues", Terms(GrantAdjustmentKind.Percentage, 2, values: [100m]).Check().Single().Field);
        Assert.Equal("oneOffYear", Terms(oneOff: 10_000m, oneOffYear: 2030).Check().Single().Field);
        Assert.Equal("oneOffAmount", Terms(oneOff: -1m).Check().Single().Field);
        Assert.Equal("oneOffAmount", Terms(oneOff: 10_000m, grant: null, withoutGrant: true).Check().Single().Field);
        Assert.Equal("oneOffYear", Terms(oneOffYear: 2025).Check().Single().Field);
    }
}
