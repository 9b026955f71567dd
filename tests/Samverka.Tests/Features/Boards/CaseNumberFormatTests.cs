using Samverka.Web.Features.Boards;

namespace Samverka.Tests.Features.Boards;

/// <summary>Issue 23, item 5: case numbers as each municipality writes them, read and written by one parser.</summary>
public class CaseNumberFormatTests
{
    private static CaseNumberFormat Format(string pattern) => CaseNumberFormat.Parse(pattern).Format ?? throw new ArgumentException(CaseNumberFormat.Parse(pattern).Problem!.Text);

    [Theory]
    [InlineData("JÄRVA {year}/{n}", "JÄRVA 2023/549", 2023, 549, null)]
    [InlineData("KS {year}/{n:4}", "KS 2024/0042", 2024, 42, null)]
    [InlineData("SN {year}.{n}", "SN 2023.118", 2023, 118, null)]
    [InlineData("NIF {year}/{n:5}-{class:1.5.2}", "NIF 2023/00291-1.5.2", 2023, 291, "1.5.2")]
    public void EachMunicipalitysForm_IsReadAndWrittenBack(string pattern, string caseNumber, int year, int number, string? classification)
    {
        var f = Format(pattern);
        Assert.Equal(new CaseNumberParts(year, number, classification), f.Read(caseNumber));
        Assert.Equal(caseNumber, f.Canonical(caseNumber));
    }

    /// <summary>What people type: another case, extra or non-breaking spaces, a typographic dash, a number without its zeros.</summary>
    [Theory]
    [InlineData("KS {year}/{n:4}", "ks 2024/42", "KS 2024/0042")]
    [InlineData("KS {year}/{n:4}", "  KS\u00A02024/0042 ", "KS 2024/0042")]
    [InlineData("JÄRVA {year}/{n}", "järva  2023/549", "JÄRVA 2023/549")]
    [InlineData("NIF {year}/{n:5}-{class:1.5.2}", "NIF 2023/291\u20131.4", "NIF 2023/00291-1.4")]
    public void WhatPeopleType_IsReadTolerantly(string pattern, string typed, string written) =>
        Assert.Equal(written, Format(pattern).Canonical(typed));

    [Theory]
    [InlineData("KS {year}/{n:4}", "KF 2024/0042")]
    [InlineData("KS {year}/{n:4}", "KS 24/0042")]
    [InlineData("KS {year}/{n:4}", "KS 2024-0042")]
    [InlineData("KS {year}/{n:4}", "KS 2024/0000")]
    [InlineData("SN {year}.{n}", "SN 2023/118")]
    [InlineData("JÄRVA {year}/{n}", "RK 2019/88")]
    [InlineData("NIF {year}/{n:5}-{class:1.5.2}", "NIF 2023/00291")]
    [InlineData("JÄRVA {year}/{n}", "")]
    public void AnotherForm_IsNotOne(string pattern, string typed) => Assert.Null(Format(pattern).Read(typed));

    [Theory]
    [InlineData("", "State how")]
    [InlineData("KS {n:4}", "once each")]
    [InlineData("KS {year}/{year}/{n}", "once each")]
    [InlineData("KS {year}{n}", "separated by text")]
    [InlineData("KS {år}/{n}", "is not a part")]
    [InlineData("KS {year}/{n:12}", "is not a part")]
    [InlineData("NIF {year}/{n}-{class}", "the code new case numbers get")]
    [InlineData("KS {year/{n}", "is not a part")]
    public void ABadPattern_IsRefused_SayingWhy(string pattern, string why)
    {
        var (format, problem) = CaseNumberFormat.Parse(pattern);
        Assert.Null(format);
        Assert.Contains(why, problem!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheNextNumber_FollowsTheYearsHighest_InTheBoardsOwnForm()
    {
        var f = Format("KS {year}/{n:4}");
        Assert.Equal("KS 2026/0013", f.Next(2026, ["KS 2026/0012", "KS 2026/0003", "KS 2025/0099", "SN 2026.40", "KS 2026/12-x"]));
        Assert.Equal("KS 2027/0001", f.Next(2027, ["KS 2026/0012"]));
        Assert.Equal("NIF 2026/00001-1.5.2", Format("NIF {year}/{n:5}-{class:1.5.2}").Next(2026, []));
        Assert.Equal("KS 2024/0042", f.Example);
    }

    [Fact]
    public void ACaseNumberOfAnotherBoard_IsNamedAsSuch()
    {
        IReadOnlyList<CaseNumbers.BoardFormat> boards = [new(1, "Kommunstyrelsen", "KS {year}/{n:4}"), new(2, "Socialnämnden", "SN {year}.{n}")];
        Assert.Equal("KS 2024/0042", CaseNumbers.Check(boards, 1, "ks 2024/42").Value);
        var (value, problem) = CaseNumbers.Check(boards, 1, "SN 2023.118");
        Assert.Null(value);
        Assert.Equal(["SN 2023.118", "Socialnämnden", "Kommunstyrelsen", "KS 2024/0042"], problem!.Args.Select(a => a?.ToString()));
        Assert.Equal("Case numbers of {0} are written like {1}.", CaseNumbers.Check(boards, 1, "2023/118").Problem!.Text);
    }
}
