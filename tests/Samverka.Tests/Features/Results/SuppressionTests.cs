using Samverka.Web.Features.Results;

namespace Samverka.Tests.Features.Results;

public class SuppressionTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void One_HidesCountsBelowTheThreshold(int value, bool hidden) => Assert.Equal(hidden, Suppression.One(value, 5).Hidden);

    [Fact]
    public void TotalAndParts_OneSmallPart_HidesAnotherSoTheTotalDoesNotGiveItAway()
    {
        // 30 visitors: 3 women, 20 men, 7 other. Hiding only the 3 would leave 30 − 20 − 7 = 3.
        var cells = Suppression.TotalAndParts(30, [3, 20, 7], 5);
        Assert.Equal(30, cells[0].Value);
        Assert.True(cells[1].Hidden);
        Assert.True(cells[3].Hidden); // the smallest other part
        Assert.Equal(20, cells[2].Value);
    }

    [Fact]
    public void TotalAndParts_TwoSmallParts_AreBothHiddenAndNothingMore()
    {
        var cells = Suppression.TotalAndParts(30, [2, 26, 2], 5);
        Assert.Equal([false, true, false, true], cells.Select(c => c.Hidden));
    }

    [Fact]
    public void TotalAndParts_OnlyOtherPartIsZero_HidesTheTotal()
    {
        var cells = Suppression.TotalAndParts(12, [3, 9], 5);
        Assert.True(cells[1].Hidden);
        Assert.True(cells[2].Hidden);
        Assert.False(cells[0].Hidden);
        var lone = Suppression.TotalAndParts(3, [3, 0], 5);
        Assert.All(lone.Take(2), c => Assert.True(c.Hidden));
    }

    [Fact]
    public void TotalAndParts_PartWithNothingElseToHide_HidesTheTotal()
    {
        var cells = Suppression.TotalAndParts(20, [4, null, 0], 5);
        Assert.True(cells[1].Hidden);
        Assert.True(cells[0].Hidden);
    }

    [Fact]
    public void TotalAndParts_NoSmallCounts_ShowsEverything() =>
        Assert.All(Suppression.TotalAndParts(100, [45, 55, 0], 5), c => Assert.False(c.Hidden));
}
