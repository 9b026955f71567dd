using Samverka.Web.Features.Organisations;

namespace Samverka.Tests.Features.Organisations;

public class OrganisationNumberTests
{
    [Theory]
    [InlineData("802497-1221", "802497-1221")] // Folkets Husby (seed 001)
    [InlineData("80249 7- 1221", "802497-1221")] // as the PDF extraction wrote it
    [InlineData("212000-0142", "212000-0142")] // Stockholms stad / Järva stadsdelsförvaltning
    [InlineData("2120000142", "212000-0142")]
    public void Parse_ValidNumbers_AreNormalised(string input, string expected)
    {
        Assert.Equal(OrganisationNumber.Problem.None, OrganisationNumber.TryParse(input, out var n));
        Assert.Equal(expected, n!.Value.Value);
    }

    [Theory]
    [InlineData("802497-1222")]
    [InlineData("212000-0143")]
    public void Parse_WrongCheckDigit_IsRefused(string input) =>
        Assert.Equal(OrganisationNumber.Problem.WrongCheckDigit, OrganisationNumber.TryParse(input, out _));

    [Theory]
    [InlineData("80249-1221")]
    [InlineData("802497-12210")]
    [InlineData("abc497-1221")]
    [InlineData("<script>")]
    public void Parse_WrongShape_IsRefused(string input) =>
        Assert.Equal(OrganisationNumber.Problem.WrongFormat, OrganisationNumber.TryParse(input, out _));

    [Fact]
    public void Parse_Empty_IsReportedAsEmpty() =>
        Assert.Equal(OrganisationNumber.Problem.Empty, OrganisationNumber.TryParse("  ", out _));

    [Fact]
    public void LuhnCheckDigit_MatchesTheSeedNumbers()
    {
        Assert.Equal(1, OrganisationNumber.LuhnCheckDigit([8, 0, 2, 4, 9, 7, 1, 2, 2]));
        Assert.Equal(2, OrganisationNumber.LuhnCheckDigit([2, 1, 2, 0, 0, 0, 0, 1, 4]));
    }
}
