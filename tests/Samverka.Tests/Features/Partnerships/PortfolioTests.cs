using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Partnerships;
using Samverka.Web.Features.Results;

namespace Samverka.Tests.Features.Partnerships;

public class PortfolioTests
{
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Portfolio_ByYear_ShowsTheAgreementOfThatYearAndTheTotal(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db, now: new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var api = app.ApiClient(Users.Coordinator);

        var y2024 = await (await api.GetAsync("/api/partnerships?year=2024")).ReadAsync<PortfolioView>();
        Assert.Equal(2, y2024.Rows.Count);
        var husby = y2024.Rows.Single(r => r.Organisation == "Folkets Husby");
        Assert.Equal((1_400_000m, AgreementStatus.Ended), (husby.AnnualGrant!.Value, husby.Status!.Value));
        var total = Assert.Single(y2024.TotalsPerYear);
        Assert.Equal((2024, 1_400_000m, 2, 1), (total.Year, total.Granted, total.Agreements, total.WithUnknownGrant));

        // Issue 20, item 3: the board's overview shows each agreement's year, and a target without figures as a gap.
        var detail = await (await api.GetAsync($"/api/agreements/{husby.AgreementId}/fulfilment?year=2024")).ReadAsync<Samverka.Web.Features.Results.FulfilmentView>();
        var statuses = detail.Goals.SelectMany(g => g.Targets).Select(t => t.Status).ToList();
        var summary = husby.Fulfilment!;
        Assert.Equal((statuses.Count(s => s == FulfilmentStatus.Met), statuses.Count(s => s == FulfilmentStatus.PartlyMet), statuses.Count(s => s == FulfilmentStatus.NotMet), statuses.Count(s => s == FulfilmentStatus.NotReported)),
            (summary.Met, summary.PartlyMet, summary.NotMet, summary.NotReported));
        Assert.Contains(FulfilmentStatus.NotReported, statuses); // the summer jobs (seed 003 says nothing of them)
        Assert.Equal(FulfilmentStatus.PartlyMet, summary.Status);
        var overview = System.Net.WebUtility.HtmlDecode(await (await app.SignedInClientAsync(Users.Coordinator)).GetStringAsync("/Partnerships?year=2024"));
        Assert.Contains($"{summary.NotReported} ej rapporterade", overview);
        Assert.Contains($"/Results/Fulfilment/{husby.AgreementId}?year=2024", overview);
        Assert.All((await (await api.GetAsync("/api/partnerships")).ReadAsync<PortfolioView>()).Rows, r => Assert.Null(r.Fulfilment));

        var y2019 = await (await api.GetAsync("/api/partnerships?year=2019")).ReadAsync<PortfolioView>();
        var iogt = Assert.Single(y2019.Rows);
        Assert.Equal(("IOGT-NTO Spånga", true), (iogt.Organisation, iogt.YearsOnly));

        var ended = await (await api.GetAsync("/api/partnerships?status=Ended")).ReadAsync<PortfolioView>();
        Assert.Equal(3, ended.Rows.Count);
        var active = await (await api.GetAsync("/api/partnerships?status=Active")).ReadAsync<PortfolioView>();
        Assert.Empty(active.Rows);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Portfolio_InTheSeedYear_ShowsTheAgreementAsActive(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db, now: new DateTimeOffset(2024, 6, 1, 9, 0, 0, TimeSpan.Zero));
        var client = await app.SignedInClientAsync(Users.Coordinator);
        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/Partnerships?status=Active"));
        Assert.Contains("IOP Folkets Husby – arbete och studier för unga i Järva", page);
        Assert.Contains("1\u00A0400\u00A0000\u00A0kr", page);
        Assert.DoesNotContain("lokal demokrati", page);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Portfolio_ShowsANewPartnershipAndARenamedOrganisation_AtOnce(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var (jarva, iogt) = await app.WithDbAsync(async ctx => (
            await ctx.Boards.Where(b => b.Name == "Järva stadsdelsnämnd").Select(b => b.Id).SingleAsync(),
            await ctx.Organisations.Where(o => o.Name == "IOGT-NTO Spånga").Select(o => new { o.Id, o.Version }).SingleAsync()));
        var client = await app.SignedInClientAsync(Users.Coordinator);
        var before = await client.GetStringAsync("/Partnerships");
        Assert.DoesNotContain("IOP Läxhjälp", before);

        var api = app.ApiClient(Users.Coordinator);
        Assert.Equal(HttpStatusCode.Created, (await api.PostJsonAsync("/api/partnerships", new PartnershipInput("IOP Läxhjälp", jarva, iogt.Id, "JÄRVA 2025/12", null))).StatusCode);
        Assert.Contains("IOP Läxhjälp", await client.GetStringAsync("/Partnerships"));

        Assert.Equal(HttpStatusCode.OK, (await api.PutJsonAsync($"/api/organisations/{iogt.Id}",
            new Samverka.Web.Features.Organisations.OrganisationInput("IOGT-NTO Järva", Samverka.Web.Features.Organisations.OrganisationKind.NonProfit, null, null, null, null, "Styrelse", iogt.Version))).StatusCode);
        Assert.Contains("IOGT-NTO Järva", await client.GetStringAsync("/Partnerships"));
    }

    /// <summary>Issue 20, item 7: a proposal's amount is shown as proposed and counts in no total; withdrawn, it is in no grant column at all.</summary>
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AProposalsAmount_CountsInNoTotal_AndWithdrawn_InNoGrantColumn(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db, now: new DateTimeOffset(2024, 11, 4, 9, 0, 0, TimeSpan.Zero));
        var api = app.ApiClient(Users.Coordinator);
        var seed = await app.WithDbAsync(ctx => ctx.Agreements.Include(a => a.Parties).SingleAsync(a => a.Title == "Överenskommelse Folkets Husby"));
        var draft = await (await api.PostJsonAsync("/api/agreements", new AgreementDocument
        {
            PartnershipId = seed.PartnershipId, Title = "Överenskommelse Folkets Husby 2025", StartDate = new DateOnly(2025, 1, 1), EndDate = new DateOnly(2025, 12, 31), AnnualGrant = 900_000,
            BudgetLines = [new BudgetLineDto(null, "Lönekostnader", 900_000m)],
            Parties = [.. seed.Parties.Select(p => new PartyDto(null, p.OrganisationId, p.Role, null, null, null, null, null, null, null, null, null))],
            Goals = [new GoalDto(null, 1, "Mål", null, null, [], [])],
        })).ReadAsync<AgreementDocument>();
        var proposed = await (await api.PostJsonAsync($"/api/agreements/{draft.Id}/propose", new ProposeInput(new DateOnly(2024, 11, 28), draft.Version))).ReadAsync<AgreementDocument>();

        var y2025 = await (await api.GetAsync("/api/partnerships?year=2025")).ReadAsync<PortfolioView>();
        var row = Assert.Single(y2025.Rows);
        Assert.Equal((null, 900_000m, AgreementStatus.Proposed), (row.AnnualGrant, row.ProposedGrant, row.Status));
        Assert.Empty(y2025.TotalsPerYear);
        var client = await app.SignedInClientAsync(Users.Coordinator);
        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/Partnerships?year=2025"));
        Assert.Contains("föreslaget: 900\u00A0000\u00A0kr", page);
        Assert.Contains("föreslaget: 900\u00A0000\u00A0kr", System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/Partnerships/Details/{seed.PartnershipId}")));

        Assert.Equal(HttpStatusCode.OK, (await api.PostJsonAsync($"/api/agreements/{draft.Id}/withdraw", new WithdrawInput("Nämnden återremitterade ärendet.", proposed.Version))).StatusCode);
        y2025 = await (await api.GetAsync("/api/partnerships?year=2025")).ReadAsync<PortfolioView>();
        row = Assert.Single(y2025.Rows);
        Assert.Equal((null, null, AgreementStatus.Draft), (row.AnnualGrant, row.ProposedGrant, row.Status));
        Assert.Empty(y2025.TotalsPerYear);
        page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/Partnerships?year=2025"));
        Assert.DoesNotContain("900\u00A0000", page);
        Assert.Contains("ej beslutat", page);
    }

    /// <summary>
    /// Issue 20, item 10: the page offers exactly the boards the step accepts; a predecessor board is refused, naming its
    /// successor, except when entering history, where every board of the user's is offered and accepted.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Create_ThePageAndTheApi_AgreeOnTheBoards(bool history)
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite);
        var boards = await app.WithDbAsync(ctx => ctx.Boards.Select(b => new { b.Id, b.Name }).ToListAsync());
        var iogt = await app.WithDbAsync(ctx => ctx.Organisations.Where(o => o.Name == "IOGT-NTO Spånga").Select(o => o.Id).SingleAsync());
        var page = await (await app.SignedInClientAsync(Users.Coordinator)).GetStringAsync("/Partnerships/Create" + (history ? "?history=true" : ""));
        var offered = System.Text.RegularExpressions.Regex.Matches(
                System.Text.RegularExpressions.Regex.Match(page, "<select[^>]*name=\"Input.BoardId\".*?</select>", System.Text.RegularExpressions.RegexOptions.Singleline).Value,
                "<option value=\"(\\d+)\"")
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        Assert.NotEmpty(offered);
        var api = app.ApiClient(Users.Coordinator);
        foreach (var b in boards)
        {
            var answer = await api.PostJsonAsync("/api/partnerships", new PartnershipInput($"IOP prov {b.Id}", b.Id, iogt, null, null, history));
            Assert.True(offered.Contains(b.Id) == (answer.StatusCode == HttpStatusCode.Created), $"{b.Name}: offered {offered.Contains(b.Id)}, the API answered {(int)answer.StatusCode}");
            if (b.Name == "Rinkeby-Kista stadsdelsnämnd")
            {
                Assert.Equal(history, offered.Contains(b.Id));
                if (!history)
                {
                    var problem = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement;
                    Assert.Equal("Rinkeby-Kista stadsdelsnämnd har ersatts av Järva stadsdelsnämnd: nya partnerskap startas under Järva stadsdelsnämnd.",
                        problem.GetProperty("errors").GetProperty("boardId")[0].GetString());
                }
            }
        }
    }

    /// <summary>Issue 20, item 10: a partnership entered as history under an ended board holds agreements that ended by the board's end.</summary>
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task History_UnderAnEndedBoard_TakesOnlyAgreementsEndingByTheBoardsEnd(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var (rinkebyKista, husby) = await app.WithDbAsync(async ctx => (
            await ctx.Boards.Where(b => b.Name == "Rinkeby-Kista stadsdelsnämnd").Select(b => b.Id).SingleAsync(),
            await ctx.Organisations.Where(o => o.Name == "Folkets Husby").Select(o => o.Id).SingleAsync()));
        var client = await app.SignedInClientAsync(Users.Coordinator);
        var form = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/Partnerships/Create?history=true"));
        Assert.Contains("Rinkeby-Kista stadsdelsnämnd (upphörde 2021-12-31)", form);
        var created = await client.PostFormAsync("/Partnerships/Create?history=true", new()
        {
            ["Input.Name"] = "IOP Folkets Husby – föräldrastöd",
            ["Input.BoardId"] = rinkebyKista.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.OrganisationId"] = husby.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.CaseNumber"] = "RK 2019/88",
            ["Input.History"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var pid = await app.WithDbAsync(ctx => ctx.Partnerships.Where(p => p.Name == "IOP Folkets Husby – föräldrastöd").Select(p => p.Id).SingleAsync());

        var api = app.ApiClient(Users.Coordinator);
        AgreementDocument Agreement(int startYear, DateOnly end) => new()
        {
            PartnershipId = pid, Title = $"Överenskommelse {startYear}", StartDate = new DateOnly(startYear, 1, 1), EndDate = end, AnnualGrant = 300_000,
            Goals = [new GoalDto(null, 1, "Föräldrastöd", null, null, [], [])],
        };
        var tooLate = await api.PostJsonAsync("/api/agreements", Agreement(2021, new DateOnly(2022, 6, 30)));
        Assert.Equal(HttpStatusCode.BadRequest, tooLate.StatusCode);
        var problem = JsonDocument.Parse(await tooLate.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Rinkeby-Kista stadsdelsnämnd upphörde 2021-12-31: en överenskommelse under den slutar senast då (den här slutar 2022-06-30). En överenskommelse som löper vidare hör till nämnden som tog över.",
            problem.GetProperty("errors").GetProperty("endDate")[0].GetString());
        Assert.Equal(0, await app.WithDbAsync(ctx => ctx.Agreements.CountAsync(a => a.PartnershipId == pid)));

        var ran = await api.PostJsonAsync("/api/agreements", Agreement(2020, new DateOnly(2021, 12, 31)));
        Assert.Equal(HttpStatusCode.Created, ran.StatusCode);
        var doc = await ran.ReadAsync<AgreementDocument>();
        var moved = await api.PutJsonAsync($"/api/agreements/{doc.Id}", doc with { EndDate = new DateOnly(2022, 12, 31) });
        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Create_AWrongCaseNumber_IsRefused_AndAGoodOneWorks(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var (jarva, iogt) = await app.WithDbAsync(async ctx => (
            await ctx.Boards.Where(b => b.Name == "Järva stadsdelsnämnd").Select(b => b.Id).SingleAsync(),
            await ctx.Organisations.Where(o => o.Name == "IOGT-NTO Spånga").Select(o => o.Id).SingleAsync()));
        var api = app.ApiClient(Users.Coordinator);

        var bad = await api.PostJsonAsync("/api/partnerships", new PartnershipInput("IOP Läxhjälp", jarva, iogt, "2025/12", null));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Diarienummer hos Järva stadsdelsnämnd skrivs som JÄRVA 2024/42.", problem.GetProperty("errors").GetProperty("caseNumber")[0].GetString());

        var wrongBoard = await api.PostJsonAsync("/api/partnerships", new PartnershipInput("IOP Läxhjälp", jarva, iogt, "RK 2025/12", null));
        Assert.Contains("RK 2025/12 är ett diarienummer hos Rinkeby-Kista stadsdelsnämnd", await wrongBoard.Content.ReadAsStringAsync());

        var created = await (await api.PostJsonAsync("/api/partnerships", new PartnershipInput("IOP Läxhjälp", jarva, iogt, "JÄRVA 2025/12", null))).ReadAsync<PartnershipView>();
        Assert.Equal("IOGT-NTO Spånga", created.Organisation);

        var partner = await app.ApiClient(Users.IogtSpanga).PostJsonAsync("/api/partnerships", new PartnershipInput("Egen", jarva, iogt, null, null));
        Assert.Equal(HttpStatusCode.Forbidden, partner.StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Create_ThroughThePage_OpensThePartnership(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var (jarva, iogt) = await app.WithDbAsync(async ctx => (
            await ctx.Boards.Where(b => b.Name == "Järva stadsdelsnämnd").Select(b => b.Id).SingleAsync(),
            await ctx.Organisations.Where(o => o.Name == "IOGT-NTO Spånga").Select(o => o.Id).SingleAsync()));
        var client = await app.SignedInClientAsync(Users.Coordinator);
        var response = await client.PostFormAsync("/Partnerships/Create", new()
        {
            ["Input.Name"] = "IOP Läxhjälp i Tensta",
            ["Input.BoardId"] = jarva.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.OrganisationId"] = iogt.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.CaseNumber"] = "JÄRVA 2026/101",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("IOP Läxhjälp i Tensta", page);
        Assert.Contains("JÄRVA 2026/101", page);
    }
}
