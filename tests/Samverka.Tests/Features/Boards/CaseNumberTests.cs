using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Samverka.Web.Data;
using Samverka.Tests.Support;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Boards;
using Samverka.Web.Features.Decisions;
using Samverka.Web.Features.Partnerships;
using Samverka.Web.Features.Registry;

namespace Samverka.Tests.Features.Boards;

/// <summary>
/// Issue 23, item 5: a board's case numbers as its municipality writes them ("KS 2024/0042"), set by its coordinator and
/// checked by one parser for partnerships, decisions and the registry.
/// </summary>
public class CaseNumberTests
{
    private static async Task<(int Jarva, Guid Version, int Iogt)> JarvaAsync(SamverkaApp app) => await app.WithDbAsync(async ctx =>
    {
        var b = await ctx.Boards.SingleAsync(x => x.Name == "Järva stadsdelsnämnd");
        return (b.Id, b.Version, await ctx.Organisations.Where(o => o.Name == "IOGT-NTO Spånga").Select(o => o.Id).SingleAsync());
    });

    private static async Task<CaseNumberFormatView> SetAsync(SamverkaApp app, int board, Guid version, string pattern)
    {
        var answer = await app.ApiClient(Users.Coordinator).PutJsonAsync($"/api/boards/{board}/case-number-format", new CaseNumberFormatInput(pattern, version));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return await answer.ReadAsync<CaseNumberFormatView>();
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ABoardsOwnFormat_IsWhatPartnershipsAndDecisionsAreCheckedBy(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var (jarva, version, iogt) = await JarvaAsync(app);
        var set = await SetAsync(app, jarva, version, "KS {year}/{n:4}");
        Assert.Equal(("KS {year}/{n:4}", "KS 2024/0042"), (set.Pattern, set.Example));
        var row = (await (await app.ApiClient(Users.FolketsHusby).GetAsync("/api/boards")).ReadAsync<List<BoardRow>>()).Single(b => b.Id == jarva);
        Assert.Equal(("KS {year}/{n:4}", "KS 2024/0042"), (row.CaseNumberPattern, row.CaseNumberExample));

        var api = app.ApiClient(Users.Coordinator);
        var created = await (await api.PostJsonAsync("/api/partnerships", new PartnershipInput("IOP Läxhjälp", jarva, iogt, "ks 2025/12", null))).ReadAsync<PartnershipView>();
        Assert.Equal("KS 2025/0012", created.CaseNumber);

        var other = await api.PostJsonAsync("/api/partnerships", new PartnershipInput("IOP Läxhjälp 2", jarva, iogt, "RK 2025/12", null));
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Contains("RK 2025/12 är ett diarienummer hos Rinkeby-Kista stadsdelsnämnd; diarienummer hos Järva stadsdelsnämnd skrivs som KS 2024/0042.",
            await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A decision's case number: the target added with a decision of the board.
        var (agreement, goal, agreementVersion) = await app.WithDbAsync(async ctx =>
        {
            var a = await ctx.Agreements.Include(x => x.Goals).SingleAsync(x => x.Title == "Överenskommelse Folkets Husby");
            return (a.Id, a.Goals.Single(g => g.Number == 1).Id, a.Version);
        });
        ExpectedResultDto Target(string text) => new(null, text, TargetKind.Count, 40, null, "unga", null, null, null, null, null, null);
        var wrong = await api.PostJsonAsync($"/api/agreements/{agreement}/targets",
            new AddTargetInput(goal, Target("40 unga skrivs in"), new DateOnly(2024, 6, 10), DecisionMaker.Board, "§ 3", "SN 2023.118", agreementVersion));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Diarienummer hos Järva stadsdelsnämnd skrivs som KS 2024/0042.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(agreementVersion, await app.WithDbAsync(ctx => ctx.Agreements.Where(a => a.Id == agreement).Select(a => a.Version).SingleAsync()));

        var added = await api.PostJsonAsync($"/api/agreements/{agreement}/targets",
            new AddTargetInput(goal, Target("40 unga skrivs in"), new DateOnly(2024, 6, 10), DecisionMaker.Board, "§ 3", "ks 2024/7", agreementVersion));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal("KS 2024/0007", await app.WithDbAsync(ctx => ctx.Set<Decision>().Where(d => d.Summary == "Nytt mätetal: 40 unga skrivs in").Select(d => d.CaseNumber).SingleAsync()));
    }

    [Fact]
    public async Task OnlyTheBoardsCoordinator_SetsTheFormat_AndABadOneChangesNothing()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite);
        var (jarva, version, _) = await JarvaAsync(app);
        foreach (var user in new[] { Users.CaseOfficer, Users.Head, Users.BoardMember, Users.FolketsHusby, Users.SteeringMember })
        {
            var denied = await app.ApiClient(user).PutJsonAsync($"/api/boards/{jarva}/case-number-format", new CaseNumberFormatInput("KS {year}/{n:4}", version));
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }
        var api = app.ApiClient(Users.Coordinator);
        var bad = await api.PutJsonAsync($"/api/boards/{jarva}/case-number-format", new CaseNumberFormatInput("KS {year}{n}", version));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Delarna i ett diarienummer skiljs åt av text", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PutJsonAsync<object?>($"/api/boards/{jarva}/case-number-format", null)).StatusCode);
        Assert.Equal(version, await app.WithDbAsync(ctx => ctx.Boards.Where(b => b.Id == jarva).Select(b => b.Version).SingleAsync()));

        await SetAsync(app, jarva, version, "KS {year}/{n:4}");
        // Someone who read the board before that save is told, not overwritten.
        var stale = await api.PutJsonAsync($"/api/boards/{jarva}/case-number-format", new CaseNumberFormatInput("SN {year}.{n}", version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("KS {year}/{n:4}", await app.WithDbAsync(ctx => ctx.Boards.Where(b => b.Id == jarva).Select(b => b.CaseNumberPattern).SingleAsync()));
    }

    [Fact]
    public async Task OnTheBoardsPage_TheCoordinatorSetsTheFormat_OthersSeeIt()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite);
        var (jarva, version, _) = await JarvaAsync(app);
        var coordinator = await app.SignedInClientAsync(Users.Coordinator);
        var bad = await coordinator.PostFormAsync($"/Boards/Details/{jarva}", new() { ["Numbers.Pattern"] = "KS {år}/{n}", ["Numbers.Version"] = $"{version}" });
        Assert.Contains("{år} är inte en del av ett diarienummer", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var saved = await coordinator.PostFormAsync($"/Boards/Details/{jarva}", new() { ["Numbers.Pattern"] = "KS {year}/{n:4}", ["Numbers.Version"] = $"{version}" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var partnerPage = WebUtility.HtmlDecode(await (await app.SignedInClientAsync(Users.FolketsHusby)).GetStringAsync($"/Boards/Details/{jarva}"));
        Assert.Contains("skrivs som KS 2024/0042", partnerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Numbers.Pattern", partnerPage, StringComparison.Ordinal);
    }

    /// <summary>
    /// A case opened by the registry gets the next number in the board's own form; the registry's search reads a case
    /// number as the board writes it, whatever case or zeros were typed.
    /// </summary>
    [Fact]
    public async Task TheRegistry_NumbersANewCaseInTheBoardsForm_AndFindsIt_TypedLoosely()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite, now: new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var (jarva, version, iogt) = await JarvaAsync(app);
        await SetAsync(app, jarva, version, "KS {year}/{n:4}");
        var api = app.ApiClient(Users.Coordinator);
        var partnership = await (await api.PostJsonAsync("/api/partnerships", new PartnershipInput("IOP Läxhjälp", jarva, iogt, null, null))).ReadAsync<PartnershipView>();
        Assert.Null(partnership.CaseNumber);

        var registered = await api.PostJsonAsync($"/api/partnerships/{partnership.Id}/registry",
            new RegisterDocumentInput(new DateOnly(2026, 3, 2), Direction.Received, "IOGT-NTO Spånga", "Ansökan om IOP", DocumentKind.Letter, false, null, null, null, null, null));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Equal("KS 2026/0001", (await registered.ReadAsync<RegistryEntryView>()).CaseNumber);

        var found = await (await api.GetAsync($"/api/boards/{jarva}/registry?caseNumber={Uri.EscapeDataString("ks  2026/1")}")).ReadAsync<List<RegistryEntryView>>();
        Assert.Equal("Ansökan om IOP", Assert.Single(found).Description);
    }

    /// <summary>A board's prefix ("KS") becomes its format ("KS {year}/{n}") through the migration, on both databases.</summary>
    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ABoardsPrefix_BecomesItsFormat(Db db)
    {
        var cs = await TestDatabase.CreateAsync(db, demoData: false);
        AppDbContext Context() => db == Db.Sqlite
            ? new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(cs).Options)
            : new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(cs).Options);
        try
        {
            await using (var ctx = Context())
            {
                var all = ctx.Database.GetMigrations().ToList();
                await ctx.GetService<IMigrator>().MigrateAsync(all[all.FindIndex(m => m.EndsWith("_CaseNumberFormats", StringComparison.Ordinal)) - 1]);
                await ctx.Database.ExecuteSqlRawAsync("""
                    INSERT INTO "Boards" ("Id", "Name", "AdministrationName", "CaseNumberPrefix", "Version") VALUES (1, 'Kommunstyrelsen', 'Kommunledningskontoret', 'KS', '6f9619ff-8b86-d011-b42d-00c04fc964ff');
                    """);
            }
            await using (var ctx = Context())
            {
                await ctx.Database.MigrateAsync();
                var board = await ctx.Boards.AsNoTracking().SingleAsync();
                Assert.Equal(("KS {year}/{n}", "KS 2024/42"), (board.CaseNumberPattern, board.CaseNumbers.Example));
            }
        }
        finally
        {
            await TestDatabase.DropAsync(db, cs);
        }
    }
}
