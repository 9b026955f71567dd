using Microsoft.Extensions.Configuration;
using Samverka.Web.Features.Agreements;
using static Samverka.Tests.Support.AgreementBuilder;

namespace Samverka.Tests.Features.Agreements;

/// <summary>What an agreement does not state stays unstated: no default number, and a step asks only for what the municipality requires.</summary>
public class UnstatedFactsTests
{
    private static readonly DateOnly Meeting = new(2023, 11, 30);

    [Fact]
    public void AGrantWithoutBudgetLines_IsProposed()
    {
        var a = Draft();
        a.BudgetLines.Clear();
        Assert.Null(a.Propose(Meeting, Someone));
    }

    [Fact]
    public void AnAgreementWithoutAGrant_IsProposed_AndCountsNothing()
    {
        var a = Draft();
        a.BudgetLines.Clear();
        a.AnnualGrant = null;
        a.WithoutGrant = true;
        Assert.Null(a.Propose(Meeting, Someone));
        Assert.Equal(0m, a.GrantOrZero);
    }

    [Fact]
    public void AGrantNotStated_IsRefusedByDefault_NamingWhatAndWhy()
    {
        var a = Draft();
        a.BudgetLines.Clear();
        a.AnnualGrant = null;
        var refusal = a.Propose(Meeting, Someone);
        Assert.Equal("Before this step the agreement must state {0}: {1}", refusal?.Text);
        Assert.Equal("the annual grant, or that there is none", ((Message)refusal!.Args[0]).Text);
        Assert.Equal(AgreementStage.Draft, a.Stage);
    }

    [Fact]
    public void WithoutGrant_WithAnAmountOrLines_IsContradictory() =>
        Assert.NotNull(Agreement.CheckBudget(100m, [], withoutGrant: true));

    [Fact]
    public void BudgetLines_WhenGiven_StillAddUpToTheGrant()
    {
        Assert.NotNull(Agreement.CheckBudget(1_400_000m, [1_000_000m]));
        Assert.Null(Agreement.CheckBudget(1_400_000m, []));
    }

    [Fact]
    public void TheMunicipalitysRequirements_ComeFromSettings_AsAListOrOneLine()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Samverka:Agreements:RequiredBeforeProposal"] = "Grant, NoticePeriod",
            ["Samverka:Agreements:RequiredBeforeSigning:0"] = "Signatories",
        }).Build();
        var r = AgreementRequirements.From(config);
        Assert.Equal([AgreementFact.Goals, AgreementFact.Parties, AgreementFact.Grant, AgreementFact.NoticePeriod], r.BeforeProposal);
        Assert.Equal([AgreementFact.Signatories], r.BeforeSigning);

        var a = Draft();
        a.NoticePeriodMonths = null;
        Assert.Equal([AgreementFact.NoticePeriod], r.Missing(a, AgreementRequirements.Moment.Proposal).Select(m => m.Fact));
        Assert.NotNull(a.Propose(Meeting, Someone, r));
        a.NoticePeriodMonths = 6;
        Assert.Null(a.Propose(Meeting, Someone, r));
    }

    [Fact]
    public void AnUnknownRequirement_StopsTheStart_NamingTheChoices()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Samverka:Agreements:RequiredBeforeProposal"] = "Grant,Notice" }).Build();
        var e = Assert.Throws<InvalidOperationException>(() => AgreementRequirements.From(config));
        Assert.Contains("'Notice'", e.Message, StringComparison.Ordinal);
        Assert.Contains("NoticePeriod", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Signing_WaitsForWhatTheMunicipalityRequires()
    {
        var required = new AgreementRequirements([AgreementFact.Grant], [AgreementFact.Signatories]);
        var a = Decided();
        Assert.NotNull(a.Sign(a.Parties[0], new DateOnly(2023, 12, 15), Someone, required));
        foreach (var p in a.Parties)
        {
            (p.SignatoryName, p.SignatoryTitle) = ("Namn", "Ordförande");
        }
        Assert.Null(a.Sign(a.Parties[0], new DateOnly(2023, 12, 15), Someone, required));
    }

    [Fact]
    public void ANotice_WithoutANoticePeriod_NeedsTheAgreedEnd()
    {
        var a = Signed();
        a.NoticePeriodMonths = null;
        var today = new DateOnly(2024, 6, 1);
        Assert.Equal("The agreement states no notice period: give the date the agreement ends.", a.Terminate(new DateOnly(2024, 5, 1), 1, today, Someone)?.Text);
        Assert.NotNull(a.Terminate(new DateOnly(2024, 5, 1), 1, today, Someone, endsOn: new DateOnly(2025, 1, 31)));
        Assert.Null(a.Terminate(new DateOnly(2024, 5, 1), 1, today, Someone, endsOn: new DateOnly(2024, 8, 31)));
        Assert.Equal((AgreementStage.Terminated, new DateOnly(2024, 8, 31)), (a.Stage, a.EndDate));
    }

    [Fact]
    public void ANotice_WithANoticePeriod_EndsByIt_AndAnotherEndIsRefused()
    {
        var a = Signed();
        var today = new DateOnly(2024, 6, 1);
        Assert.Equal("The agreement's notice period of {0} months ends it {1}, not {2}.", a.Terminate(new DateOnly(2024, 5, 1), 1, today, Someone, endsOn: new DateOnly(2024, 6, 30))?.Text);
        Assert.Null(a.Terminate(new DateOnly(2024, 5, 1), 1, today, Someone));
        Assert.Equal(new DateOnly(2024, 8, 1), a.EndDate);
    }

    [Theory]
    [InlineData(300, 200, 100)]
    [InlineData(300, null, null)]
    [InlineData(300, 200, null)]
    public void GrantShares_WithinTheGrant_AreAccepted(int? first, int? second, int? third) =>
        Assert.Null(Agreement.CheckGrantShares(600, false, [(PartyRole.NonProfit, first), (PartyRole.NonProfit, second), (PartyRole.NonProfit, third), (PartyRole.PublicBody, null)]));

    [Fact]
    public void GrantShares_AboveOrShortOfTheGrant_AreRefused()
    {
        Assert.Equal("The parties' shares add up to {0}, more than the annual grant of {1}.", Agreement.CheckGrantShares(600, false, [(PartyRole.NonProfit, 400m), (PartyRole.NonProfit, 300m), (PartyRole.NonProfit, null)])?.Text);
        Assert.Equal("Every non-profit party has a share, but the shares add up to {0}, not the annual grant of {1}.", Agreement.CheckGrantShares(600, false, [(PartyRole.NonProfit, 100m), (PartyRole.NonProfit, 100m)])?.Text);
        Assert.NotNull(Agreement.CheckGrantShares(null, false, [(PartyRole.NonProfit, 100m)]));
        Assert.NotNull(Agreement.CheckGrantShares(600, false, [(PartyRole.PublicBody, 100m)]));
    }
}
