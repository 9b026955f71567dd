using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Decisions;

namespace Samverka.Tests.Support;

/// <summary>Agreements in named states for the rule tests (no database).</summary>
public static class AgreementBuilder
{
    public static readonly Actor Someone = new("u1", "Test", DateTimeOffset.Parse("2024-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public static Agreement Draft() => new()
    {
        Title = "Överenskommelse Folkets Husby",
        StartDate = new DateOnly(2024, 1, 1),
        EndDate = new DateOnly(2024, 12, 31),
        LatestExtensionDate = new DateOnly(2026, 12, 31),
        NoticePeriodMonths = 3,
        AnnualGrant = 1_400_000m,
        Goals = { new Goal { Number = 1, Title = "Tillgängliggöra befintligt stöd för arbete och studier" } },
        BudgetLines =
        {
            new BudgetLine { CostType = "Lönekostnader", Amount = 1_050_000m },
            new BudgetLine { CostType = "Lokalkostnader", Amount = 350_000m },
        },
        Parties =
        {
            new AgreementParty { Id = 1, OrganisationId = 1, OrganisationName = "Folkets Husby", Role = PartyRole.NonProfit },
            new AgreementParty { Id = 2, OrganisationId = 2, OrganisationName = "Järva stadsdelsförvaltning", Role = PartyRole.PublicBody },
        },
    };

    public static Agreement Proposed()
    {
        var a = Draft();
        Assert.Null(a.Propose(new DateOnly(2023, 11, 30), Someone));
        return a;
    }

    public static Agreement Decided()
    {
        var a = Proposed();
        Assert.Null(a.Decide(Decision(new DateOnly(2023, 11, 30)), Someone));
        return a;
    }

    public static Agreement Signed()
    {
        var a = Decided();
        foreach (var p in a.Parties)
        {
            Assert.Null(a.Sign(p, new DateOnly(2023, 12, 15), Someone));
        }
        return a;
    }

    public static Decision Decision(DateOnly on) => new() { MadeBy = DecisionMaker.Board, DecidedOn = on, Paragraph = "§ 12", CaseNumber = "JÄRVA 2023/549", Summary = "Beslut" };
}
