using Samverka.Web.Features.Organisations;

namespace Samverka.Tests.Features.Organisations;

public class OrganisationNumberTests
{
    [Theory]
    [InlineData("802497-1221", "802497-1221")] // Folkets Husby (seed 001)
    [InlineData("80249 7- 1221", "802497-1221")] // as the PDF extraction wrote it
    [InlineData("212000-0142", "212000-0142")] // Stockholms stad / Järva stadsdelsförvaltning
    [InlineData("2120000142", "212000-0142")]
    [InlineData(" 802497 - 1221 ", "802497-1221")]
    [InlineData("802497–1221", "802497-1221")] // an en dash from a word processor
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
    [InlineData("8024-971221")] // ten digits, but not in the standard grouping
    [InlineData("16802497-1221")] // with the century prefix some registers add
    [InlineData("802497/1221")]
    public void Parse_WrongShape_IsRefused(string input) =>
        Assert.Equal(OrganisationNumber.Problem.WrongFormat, OrganisationNumber.TryParse(input, out _));

    /// <summary>A person's number passes the check digit but is not a partner's: its third and fourth digits are a month.</summary>
    [Theory]
    [InlineData("811218-9876")] // Skatteverket's example personnummer
    [InlineData("811278-9873")] // a samordningsnummer: the day plus 60
    public void Parse_APersonalIdentityNumber_IsRefused_AsNotALegalPerson(string input) =>
        Assert.Equal(OrganisationNumber.Problem.PersonalIdentityNumber, OrganisationNumber.TryParse(input, out _));

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    [InlineData(19)]
    public void Parse_ThirdAndFourthDigitsUnder20_ThatAreNoMonth_AreRefused(int group)
    {
        int[] nine = [5, 5, group / 10, group % 10, 0, 1, 2, 3, 4];
        var number = $"{string.Concat(nine.Take(6))}-{string.Concat(nine.Skip(6))}{OrganisationNumber.LuhnCheckDigit(nine)}";
        Assert.Equal(OrganisationNumber.Problem.NotLegalPerson, OrganisationNumber.TryParse(number, out _));
    }

    [Fact]
    public void Parse_TheLowestLegalGroup_20_IsAccepted()
    {
        int[] nine = [5, 5, 2, 0, 0, 1, 2, 3, 4];
        var number = $"{string.Concat(nine.Take(6))}-{string.Concat(nine.Skip(6))}{OrganisationNumber.LuhnCheckDigit(nine)}";
        Assert.Equal(OrganisationNumber.Problem.None, OrganisationNumber.TryParse(number, out _));
    }

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
