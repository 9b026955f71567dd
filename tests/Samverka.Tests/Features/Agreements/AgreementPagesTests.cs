using System.Net;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Features.Agreements;

namespace Samverka.Tests.Features.Agreements;

public class AgreementPagesTests
{
    private static async Task<(int PartnershipId, int AgreementId)> NewDraftAsync(SamverkaApp app, HttpClient client)
    {
        var pid = await app.WithDbAsync(db => db.Partnerships.Where(p => p.CaseNumber == "JÄRVA 2023/549").Select(p => p.Id).SingleAsync());
        var response = await client.PostFormAsync($"/Agreements/Create?partnershipId={pid}", new()
        {
            ["PartnershipId"] = pid.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Title"] = "Överenskommelse Folkets Husby 2027",
            ["Input.StartDate"] = "2027-01-01",
            ["Input.EndDate"] = "2027-12-31",
            ["Input.LatestExtensionDate"] = "2028-12-31",
            ["Input.NoticePeriodMonths"] = "3",
            ["Input.AnnualGrant"] = "1 400 000",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        return (pid, id);
    }

    private static async Task<string> VersionOf(SamverkaApp app, int id) =>
        (await app.WithDbAsync(db => db.Agreements.Where(a => a.Id == id).Select(a => a.Version).SingleAsync())).ToString();

    /// <summary>Issue 20, item 7: a form shows an amount as Swedish writes it, in either UI language ("2 150 000", not "2150000,0").</summary>
    [Fact]
    public async Task TheBudgetForm_ShowsAmountsInSwedishForm()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite);
        var client = await app.SignedInClientAsync(Users.Coordinator);
        var (_, id) = await NewDraftAsync(app, client);
        await app.WithDbAsync(async db =>
        {
            var a = await db.Agreements.Include(x => x.BudgetLines).SingleAsync(x => x.Id == id);
            a.AnnualGrant = 2_150_000.0m;
            a.BudgetLines.Add(new BudgetLine { CostType = "Lönekostnader", Amount = 2_150_000.50m, SortOrder = 1 });
            await db.SaveChangesAsync();
        });
        var html = await client.GetStringAsync($"/Agreements/Budget/{id}");
        Assert.Contains("value=\"2\u00A0150\u00A0000\"", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("value=\"2\u00A0150\u00A0000,5\"", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain("2150000,0", html, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Create_WithSwedishNumbers_MakesADraftWithBothParties(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var client = await app.SignedInClientAsync(Users.Coordinator);
        var (_, id) = await NewDraftAsync(app, client);
        var a = await app.WithDbAsync(ctx => ctx.Agreements.Include(x => x.Parties).SingleAsync(x => x.Id == id));
        Assert.Equal(1_400_000m, a.AnnualGrant);
        Assert.Equal(AgreementStage.Draft, a.Stage);
        Assert.Equal(["Folkets Husby", "Järva stadsdelsförvaltning"], a.Parties.OrderBy(p => p.SortOrder).Select(p => p.OrganisationName));
        var page = await client.GetStringAsync($"/Agreements/Details/{id}");
        Assert.Contains("1&#xA0;400&#xA0;000&#xA0;kr", page);
        Assert.Contains("Utkast", page);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Budget_NotAddingUp_ShowsWhyAndSavesNothing(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var client = await app.SignedInClientAsync(Users.Coordinator);
        var (_, id) = await NewDraftAsync(app, client);
        var response = await client.PostFormAsync($"/Agreements/Budget/{id}", new()
        {
            ["Version"] = await VersionOf(app, id),
            ["AnnualGrant"] = "1 400 000",
            ["Lines[0].CostType"] = "Lönekostnader 1,5 tjänst",
            ["Lines[0].Amount"] = "1 050 000",
            ["Lines[1].CostType"] = "Lokalkostnader",
            ["Lines[1].Amount"] = "150\u00A0000,00",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Budgetposterna summerar till 1\u00A0200\u00A0000 men det årliga bidraget är 1\u00A0400\u00A0000.", html);
        Assert.Equal(0, await app.WithDbAsync(ctx => ctx.BudgetLines.CountAsync(l => l.AgreementId == id)));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Budget_AddingUp_IsSavedAsTyped(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var client = await app.SignedInClientAsync(Users.Coordinator);
        var (_, id) = await NewDraftAsync(app, client);
        var response = await client.PostFormAsync($"/Agreements/Budget/{id}", new()
        {
            ["Version"] = await VersionOf(app, id),
            ["AnnualGrant"] = "1 400 000 kr",
            ["Lines[0].CostType"] = "Lönekostnader",
            ["Lines[0].Amount"] = "1\u00A0050\u00A0000",
            ["Lines[1].CostType"] = "Lokalkostnader",
            ["Lines[1].Amount"] = "349 999,50",
            ["Lines[2].CostType"] = "Administration",
            ["Lines[2].Amount"] = "0,5",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var amounts = await app.WithDbAsync(ctx => ctx.BudgetLines.Where(l => l.AgreementId == id).OrderBy(l => l.SortOrder).Select(l => l.Amount).ToListAsync());
        Assert.Equal([1_050_000m, 349_999.5m, 0.5m], amounts);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Edit_ByTwoPeople_TheSecondIsToldAndNothingIsOverwritten(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var first = await app.SignedInClientAsync(Users.Coordinator);
        var second = await app.SignedInClientAsync(Users.CaseOfficer);
        var (_, id) = await NewDraftAsync(app, first);
        var version = await VersionOf(app, id);
        Dictionary<string, string> Form(string purpose) => new()
        {
            ["Version"] = version,
            ["Input.Title"] = "Överenskommelse Folkets Husby 2027",
            ["Input.StartDate"] = "2027-01-01",
            ["Input.EndDate"] = "2027-12-31",
            ["Input.NoticePeriodMonths"] = "3",
            ["Input.Purpose"] = purpose,
        };
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync($"/Agreements/Edit/{id}", Form("Koordinatorns text"))).StatusCode);
        var late = await second.PostFormAsync($"/Agreements/Edit/{id}", Form("Handläggarens text"));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("Någon annan ändrade detta medan du arbetade", WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync()));
        Assert.Equal("Koordinatorns text", await app.WithDbAsync(ctx => ctx.Agreements.Where(a => a.Id == id).Select(a => a.Purpose).SingleAsync()));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Markup_InAnyField_IsShownAsText(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var client = await app.SignedInClientAsync(Users.Coordinator);
        var (_, id) = await NewDraftAsync(app, client);
        const string Attack = "<script>alert('x')</script><b>fet</b>";
        var response = await client.PostFormAsync($"/Agreements/Goal/{id}", new()
        {
            ["Version"] = await VersionOf(app, id),
            ["Number"] = "1",
            ["Title"] = Attack,
            ["Problem"] = Attack,
            ["Results[0].Description"] = Attack,
            ["Results[0].Kind"] = "Count",
            ["Results[0].TargetValue"] = "300",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetStringAsync($"/Agreements/Details/{id}");
        Assert.DoesNotContain("<script>alert", page);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", page);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Goal_WithATargetAndAnActivity_IsSavedUnderTheAgreement(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var client = await app.SignedInClientAsync(Users.Coordinator);
        var (_, id) = await NewDraftAsync(app, client);
        var husby = await app.WithDbAsync(ctx => ctx.Organisations.Where(o => o.Name == "Folkets Husby").Select(o => o.Id).SingleAsync());
        var response = await client.PostFormAsync($"/Agreements/Goal/{id}", new()
        {
            ["Version"] = await VersionOf(app, id),
            ["Number"] = "1",
            ["Title"] = "Främja eftergymnasiala studier",
            ["Results[0].Description"] = "Två arrangemang, 30 besökare per arrangemang",
            ["Results[0].Kind"] = "CountPerEvent",
            ["Results[0].TargetValue"] = "30",
            ["Results[0].EventCount"] = "2",
            ["Results[0].Unit"] = "besökare",
            ["Results[0].ResponsibleOrganisationId"] = husby.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ActivityRows[0].Description"] = "Studiemässa",
            ["ActivityRows[0].ResourcesAndResponsibility"] = "Folkets Husby projektleder arbetet.",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var goal = await app.WithDbAsync(ctx => ctx.Goals.Include(g => g.ExpectedResults).Include(g => g.Activities).SingleAsync(g => g.AgreementId == id));
        var target = Assert.Single(goal.ExpectedResults);
        Assert.Equal((TargetKind.CountPerEvent, 30m, 2, husby), (target.Kind, target.TargetValue!.Value, target.EventCount!.Value, target.ResponsibleOrganisationId!.Value));
        Assert.Equal("Studiemässa", Assert.Single(goal.Activities).Description);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Steps_ThroughTheDetailsPage_ProposeDecideSign(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db, now: new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        var client = await app.SignedInClientAsync(Users.Coordinator);
        var (_, id) = await NewDraftAsync(app, client);
        var url = $"/Agreements/Details/{id}";

        var refused = await client.PostFormAsync(url, new() { ["Step.Version"] = await VersionOf(app, id), ["Step.Date"] = "2026-11-26" }, "Propose");
        Assert.Contains("måste överenskommelsen ange minst ett mål", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        await client.PostFormAsync($"/Agreements/Goal/{id}", new() { ["Version"] = await VersionOf(app, id), ["Number"] = "1", ["Title"] = "Mål 1" });
        await client.PostFormAsync($"/Agreements/Budget/{id}", new() { ["Version"] = await VersionOf(app, id), ["AnnualGrant"] = "1 400 000", ["Lines[0].CostType"] = "Lön", ["Lines[0].Amount"] = "1 400 000" });
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(url, new() { ["Step.Version"] = await VersionOf(app, id), ["Step.Date"] = "2026-11-26" }, "Propose")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(url, new()
        {
            ["Step.Version"] = await VersionOf(app, id),
            ["Step.Date"] = "2026-11-26",
            ["Step.Paragraph"] = "§ 14",
            ["Step.CaseNumber"] = "JÄRVA 2023/549",
        }, "Decide")).StatusCode);
        var parties = await app.WithDbAsync(ctx => ctx.AgreementParties.Where(p => p.AgreementId == id).Select(p => p.Id).ToListAsync());
        foreach (var party in parties)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(url, new()
            {
                ["Step.Version"] = await VersionOf(app, id),
                ["Step.Date"] = "2026-12-01",
                ["Step.PartyId"] = party.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }, "Sign")).StatusCode);
        }
        var a = await app.WithDbAsync(ctx => ctx.Agreements.Include(x => x.Decision).SingleAsync(x => x.Id == id));
        Assert.Equal(AgreementStage.Signed, a.Stage);
        Assert.Equal("§ 14", a.Decision!.Paragraph);
        Assert.Contains("Undertecknad", await client.GetStringAsync(url));
    }
}
