using System.Net;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Decisions;

namespace Samverka.Tests.Features.Partnerships;

/// <summary>Deny by default, per partnership: another organisation's partnership does not exist for a partner user.</summary>
public class AccessTests
{
    private static async Task<(int Partnership, int Agreement, int Goal, int Organisation)> HusbyIds(SamverkaApp app) => await app.WithDbAsync(async db =>
    {
        var a = await db.Agreements.Include(x => x.Goals).SingleAsync(x => x.Title == "Överenskommelse Folkets Husby");
        var org = await db.Organisations.Where(o => o.Name == "Folkets Husby").Select(o => o.Id).SingleAsync();
        return (a.PartnershipId, a.Id, a.Goals[0].Id, org);
    });

    public static string[] Pages(int p, int a, int g, int o) =>
    [
        $"/Partnerships/Details/{p}", $"/Agreements/Create?partnershipId={p}", $"/Agreements/Details/{a}", $"/Agreements/Edit/{a}",
        $"/Agreements/Budget/{a}", $"/Agreements/Goal/{a}", $"/Agreements/Goal/{a}?goalId={g}", $"/Agreements/Parties/{a}",
        $"/Agreements/Groups/{a}", $"/Agreements/Lists/{a}", $"/Agreements/AddTarget/{a}", $"/Organisations/Details/{o}",
    ];

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task PartnerOfAnotherOrganisation_GetsNotFound_OnEveryPage(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var (p, a, g, o) = await HusbyIds(app);
        var other = await app.SignedInClientAsync(Users.IogtSpanga);
        var own = await app.SignedInClientAsync(Users.FolketsHusby);
        foreach (var url in Pages(p, a, g, o))
        {
            Assert.True(HttpStatusCode.NotFound == (await other.GetAsync(url)).StatusCode, $"{url} should be 404 for another organisation");
        }
        // The organisation's own user reads them (editing pages show why editing is not allowed).
        foreach (var url in new[] { $"/Partnerships/Details/{p}", $"/Agreements/Details/{a}", $"/Organisations/Details/{o}" })
        {
            Assert.True(HttpStatusCode.OK == (await own.GetAsync(url)).StatusCode, $"{url} should be readable for Folkets Husby");
        }
        var portfolio = await other.GetStringAsync("/Partnerships");
        Assert.DoesNotContain("Folkets Husby", portfolio);
        Assert.Contains("IOGT-NTO Spånga", portfolio);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task PartnerOfAnotherOrganisation_GetsNotFound_OnEveryEndpoint(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var (p, a, g, o) = await HusbyIds(app);
        var party = await app.WithDbAsync(db => db.AgreementParties.Where(x => x.AgreementId == a).Select(x => x.Id).FirstAsync());
        var other = app.ApiClient(Users.IogtSpanga);
        foreach (var url in new[] { $"/api/partnerships/{p}", $"/api/agreements/{a}", $"/api/agreements/{a}/docx", $"/api/organisations/{o}" })
        {
            Assert.True(HttpStatusCode.NotFound == (await other.GetAsync(url)).StatusCode, $"GET {url}");
        }
        // Well-formed bodies, so that nothing but the agreement's visibility can refuse them: 404, never a 400 from binding.
        var day = new DateOnly(2024, 6, 1);
        var v = (Guid?)Guid.NewGuid();
        var steps = new (string Step, object Body)[]
        {
            ("propose", new ProposeInput(day, v)),
            ("withdraw", new WithdrawInput("Dras tillbaka", v)),
            ("decide", new DecideInput(day, "§ 1", "JÄRVA 2023/549", null, v)),
            ("sign", new SignInput(party, day, v)),
            ("extend", new ExtendInput(new DateOnly(2025, 12, 31), day, "§ 2", null, v)),
            ("terminate", new TerminateInput(day, o, v)),
            ("targets", new AddTargetInput(g, new ExpectedResultDto(null, "Nytt mätetal", TargetKind.Count, 10, null, "personer", null, null, null, null, null, null), day, DecisionMaker.SteeringGroup, null, null, v)),
        };
        foreach (var (step, body) in steps)
        {
            var response = await other.PostJsonAsync($"/api/agreements/{a}/{step}", body);
            Assert.True(HttpStatusCode.NotFound == response.StatusCode, $"POST {step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutJsonAsync($"/api/agreements/{a}", new { title = "x", version = Guid.NewGuid() })).StatusCode);
        var list = await (await other.GetAsync("/api/agreements")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Folkets Husby", list);
        var portfolio = await (await other.GetAsync("/api/partnerships")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Folkets Husby", portfolio);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task LifecycleSteps_ForAnInvisibleAgreement_AreNotFound(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var (_, a, _, _) = await HusbyIds(app);
        var other = app.ApiClient(Users.IogtSpanga);
        var response = await other.PostJsonAsync($"/api/agreements/{a}/propose", new { meetingDate = "2024-01-01" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task SteeringGroupMember_SeesOnlyTheirPartnership(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var api = app.ApiClient(Users.SteeringMember);
        var portfolio = await (await api.GetAsync("/api/partnerships")).Content.ReadAsStringAsync();
        Assert.Contains("JÄRVA 2023/549", portfolio);
        Assert.DoesNotContain("IOGT-NTO Spånga", portfolio);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Coordinator_SeesTheBoardsAndItsPredecessorsPartnerships(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var client = await app.SignedInClientAsync(Users.Coordinator);
        var jarva = await app.WithDbAsync(ctx => ctx.Boards.Where(b => b.Name == "Järva stadsdelsnämnd").Select(b => b.Id).SingleAsync());
        var history = await client.GetStringAsync($"/Boards/Details/{jarva}");
        Assert.Contains("Rinkeby-Kista stadsdelsnämnd", history);
        Assert.Contains("IOP Folkets Husby – lokal demokrati och delaktighet", history); // the predecessor's partnership
        Assert.Contains("IOP IOGT-NTO Spånga", history);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task Anonymous_IsSentToSignIn(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var (_, a, _, _) = await HusbyIds(app);
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var url in new[] { "/Partnerships", $"/Agreements/Details/{a}", "/Organisations", "/Boards", "/Accounts/Tokens" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Accounts/Login", response.Headers.Location!.PathAndQuery);
        }
    }
}
