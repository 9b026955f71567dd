using System.Net;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Samverka.Tests.Support;
using Samverka.Web.Features.Results;

namespace Samverka.Tests.Features.Results;

/// <summary>
/// Issue 20, item 6: report periods for the same agreement and target do not overlap, so no figure is counted twice.
/// Folkets Husby's yearly report (seed 003) covers all of 2024 for the targets it has figures for.
/// </summary>
public class ReportPeriodTests
{
    private const string Overlap = "är redan rapporterat för 2024-01-01 – 2024-12-31 i en annan rapport, och rapportperioder för samma mätetal får inte överlappa.";

    private sealed record Seed(int Partnership, int Agreement, int FairTarget, int SummerTarget);

    private static Task<Seed> SeedAsync(SamverkaApp app) => app.WithDbAsync(async db =>
    {
        var a = await db.Agreements.Include(x => x.Goals).ThenInclude(g => g.ExpectedResults).SingleAsync(x => x.Title == "Överenskommelse Folkets Husby");
        var targets = a.Goals.SelectMany(g => g.ExpectedResults).ToList();
        return new Seed(a.PartnershipId, a.Id,
            targets.Single(t => t.Description.StartsWith("Två genomförda arrangemang", StringComparison.Ordinal)).Id,
            targets.Single(t => t.Description.StartsWith("Två grupper om 10 ungdomar", StringComparison.Ordinal)).Id);
    });

    private static FigureInput Fair(params int[] targets) => new()
    {
        Kind = FigureKind.Event,
        EventKind = "Fair",
        From = new DateOnly(2024, 6, 12),
        Title = "Jobbmässa i juni",
        Total = 64,
        TargetIds = [.. targets],
    };

    private static FigureInput SummerGroup(params int[] targets) => new()
    {
        Kind = FigureKind.Participants,
        EventKind = "SummerJobGroup",
        From = new DateOnly(2024, 6, 17),
        Title = "Feriearbete, första gruppen",
        Started = 10,
        TargetIds = [.. targets],
    };

    private static async Task<ReportView> OpenJuneAsync(HttpClient partner, Seed seed) =>
        await (await partner.PostJsonAsync($"/api/partnerships/{seed.Partnership}/reports", new ReportInput(seed.Agreement, new DateOnly(2024, 6, 1), new DateOnly(2024, 6, 30)))).ReadAsync<ReportView>();

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AFigureForATargetAnOverlappingReportCovers_IsRefused_ATargetNobodyReported_IsTaken(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var seed = await SeedAsync(app);
        var partner = app.ApiClient(Users.FolketsHusby);
        var june = await OpenJuneAsync(partner, seed);

        var twice = await partner.PostJsonAsync($"/api/reports/{june.Id}/figures", Fair(seed.FairTarget).With(f => f.Version = june.Version));
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        var problem = System.Text.RegularExpressions.Regex.Unescape(await twice.Content.ReadAsStringAsync());
        Assert.Contains("\"Två genomförda arrangemang, 50 stycken besökare per arrangemang\" " + Overlap, problem);
        Assert.Equal(0, await app.WithDbAsync(ctx => ctx.Figures.CountAsync(f => f.ReportId == june.Id)));

        // The yearly report left the summer jobs out: a June report may carry them, and a fair counted towards no target.
        var summer = await (await partner.PostJsonAsync($"/api/reports/{june.Id}/figures", SummerGroup(seed.SummerTarget).With(f => f.Version = june.Version))).ReadAsync<ReportView>();
        summer = await (await partner.PostJsonAsync($"/api/reports/{june.Id}/figures", Fair().With(f => f.Version = summer.Version))).ReadAsync<ReportView>();
        Assert.Equal(2, summer.Figures.Count);

        // A second report over the summer may not take the same target again, in either order.
        var july = await (await partner.PostJsonAsync($"/api/partnerships/{seed.Partnership}/reports", new ReportInput(seed.Agreement, new DateOnly(2024, 6, 15), new DateOnly(2024, 8, 31)))).ReadAsync<ReportView>();
        var again = await partner.PostJsonAsync($"/api/reports/{july.Id}/figures", SummerGroup(seed.SummerTarget).With(f => f.Version = july.Version));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("är redan rapporterat för 2024-06-01 – 2024-06-30", System.Text.RegularExpressions.Regex.Unescape(await again.Content.ReadAsStringAsync()));

        // The English user reads the same rule in English.
        var english = app.ApiClient(Users.FolketsHusby);
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var refused = await english.PostJsonAsync($"/api/reports/{july.Id}/figures", SummerGroup(seed.SummerTarget).With(f => f.Version = july.Version));
        Assert.Contains("report periods for the same target do not overlap", await refused.Content.ReadAsStringAsync());
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TheFigureForm_SaysWhy_AndSavesNothing(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var seed = await SeedAsync(app);
        var june = await OpenJuneAsync(app.ApiClient(Users.FolketsHusby), seed);
        var partner = await app.SignedInClientAsync(Users.FolketsHusby);
        var response = await partner.PostFormAsync($"/Results/Report/{june.Id}", new()
        {
            ["Version"] = june.Version.ToString(),
            ["Figure.Kind"] = "Event",
            ["Figure.EventKind"] = "Fair",
            ["Figure.From"] = "2024-06-12",
            ["Figure.Title"] = "Jobbmässa i juni",
            ["Figure.Total"] = "64",
            ["Figure.TargetIds"] = seed.FairTarget.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, "Figure");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Overlap, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, await app.WithDbAsync(ctx => ctx.Figures.CountAsync(f => f.ReportId == june.Id)));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AnImportedRow_ForACoveredTarget_IsRefusedByRow_AndNothingIsSaved(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var seed = await SeedAsync(app);
        var partner = app.ApiClient(Users.FolketsHusby);
        var june = await OpenJuneAsync(partner, seed);
        var rows = new List<Dictionary<string, object?>>
        {
            new() { ["Typ"] = "Arrangemang", ["Arrangemangstyp"] = "Mässa", ["Utfallstyp"] = null, ["Från"] = "2024-06-12", ["Till"] = null, ["Rubrik"] = "Jobbmässa i juni", ["Antal totalt"] = 64, ["Kvinnor"] = null, ["Män"] = null, ["Mätetal"] = "M1.1" },
        };
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [Spreadsheets.FiguresSheet] = rows });
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(stream.ToArray());
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(Spreadsheets.XlsxType);
        content.Add(file, "file", "uppgifter.xlsx");
        var response = await partner.PostAsync($"/api/reports/{june.Id}/import?confirm=true&version={june.Version}", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = System.Text.RegularExpressions.Regex.Unescape(await response.Content.ReadAsStringAsync());
        Assert.True(problem.Contains("Rad 2, kolumn Mätetal", StringComparison.Ordinal), problem);
        Assert.Contains(Overlap, problem);
        Assert.Equal(0, await app.WithDbAsync(ctx => ctx.Figures.CountAsync(f => f.ReportId == june.Id)));
    }

    [Fact]
    public async Task ACorrection_OfTheApprovedYearlyReport_IsAllowed_EvenWhereAnotherReportOverlaps()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite);
        var seed = await SeedAsync(app);
        var coordinator = app.ApiClient(Users.Coordinator);
        // A June report that already counts a fair towards the same target (entered before the rule, straight into the database).
        var june = await OpenJuneAsync(app.ApiClient(Users.FolketsHusby), seed);
        await app.WithDbAsync(async ctx =>
        {
            var f = new Figure { ReportId = june.Id, Kind = FigureKind.Event, EventKind = "Fair", From = new DateOnly(2024, 6, 12), To = new DateOnly(2024, 6, 12), Title = "Jobbmässa i juni", Total = 64, RecordedByName = "Import" };
            f.Targets.Add(new FigureTarget { ExpectedResultId = seed.FairTarget });
            ctx.Figures.Add(f);
            await ctx.SaveChangesAsync();
        });
        var yearly = await app.WithDbAsync(ctx => ctx.ResultReports.Where(r => r.AgreementId == seed.Agreement && r.PeriodStart == new DateOnly(2024, 1, 1)).Select(r => r.Id).SingleAsync());
        var report = await (await coordinator.GetAsync($"/api/reports/{yearly}")).ReadAsync<ReportView>();
        var fair = report.Figures.First(f => f.Kind == FigureKind.Event);
        var corrected = FigureInput.Of(new Figure { Kind = FigureKind.Event, EventKind = "Fair", From = new DateOnly(2024, 4, 1), To = new DateOnly(2024, 4, 30), Title = "Studiemässa i april", Total = 55 })
            .With(f => f.TargetIds = [seed.FairTarget]);
        var response = await coordinator.PostJsonAsync($"/api/reports/{yearly}/figures/{fair.Id}/correct", new CorrectionInput(corrected, "Närvarolistan räknades om.", report.Version));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
