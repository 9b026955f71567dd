namespace Samverka.Tests.Infrastructure;

public class SwedishNumberTests
{
    [Theory]
    [InlineData("1 400 000", 1400000)]
    [InlineData("1\u00A0400\u00A0000", 1400000)]
    [InlineData("1\u202F050\u202F000 kr", 1050000)]
    [InlineData("12,5", 12.5)]
    [InlineData("12.5", 12.5)]
    [InlineData("\u22125", -5)]
    [InlineData("-5", -5)]
    public void TryParse_AcceptsWhatSwedishUsersType(string text, double expected)
    {
        Assert.True(SwedishNumber.TryParse(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("1.400,50")]
    [InlineData("1,2,3")]
    [InlineData("tio")]
    [InlineData("")]
    public void TryParse_RefusesAmbiguousOrNonNumbers(string text) => Assert.False(SwedishNumber.TryParse(text, out _));

    [Fact]
    public void Sek_WritesSwedishAmounts() => Assert.Equal("1\u00A0050\u00A0000\u00A0kr", Format.Sek(1_050_000m));

    [Fact]
    public void Date_IsIso() => Assert.Equal("2024-12-31", Format.Date(new DateOnly(2024, 12, 31)));
}
