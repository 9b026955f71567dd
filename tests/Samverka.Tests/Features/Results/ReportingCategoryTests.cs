using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Samverka.Tests.Support;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Decisions;
using Samverka.Web.Features.Results;

namespace Samverka.Tests.Features.Results;

/// <summary>Issue 23, item 4: the categories figures are counted by are the municipality's and the agreement's, not the code's.</summary>
public class ReportingCategoryTests
{
    private static readonly DateTimeOffset February2025 = new(2025, 2, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ACategoryInUse_KeepsItsName_IsNotRemoved_AndNewCodesAreUniqueAndMadeFromTheName()
    {
        ReportingCategory Existing(int id, string code, string name) => new() { Id = id, MunicipalityId = 1, Kind = CategoryKind.AgeBand, Code = code, Name = name, Position = id };
        List<ReportingCategory> List() => [Existing(1, "under-16", "Under 16"), Existing(2, "16-20", "16–20")];
        var inUse = new Dictionary<int, int> { [2] = 3 };
        ReportingCategory Create(CategoryRow row, string code) => new() { MunicipalityId = 1, Kind = row.Kind, Code = code, Name = "" };

        var renamed = ReportingCategory.Apply(List(), [new(1, CategoryKind.AgeBand, "Under 16"), new(2, CategoryKind.AgeBand, "16–21")], inUse, new HashSet<(CategoryKind, string)>(), Create, out _);
        Assert.Contains(renamed, p => p.Field == "categories[1].name");

        var removed = ReportingCategory.Apply(List(), [new(1, CategoryKind.AgeBand, "Under 16")], inUse, new HashSet<(CategoryKind, string)>(), Create, out _);
        Assert.Contains(removed, p => p.Field == "categories");

        var list = List();
        var fine = ReportingCategory.Apply(list, [new(2, CategoryKind.AgeBand, "16–20", Retired: true), new(null, CategoryKind.AgeBand, "21 år eller äldre")], inUse,
            new HashSet<(CategoryKind, string)>(), Create, out var gone);
        Assert.Empty(fine);
        Assert.Equal(["under-16"], gone.Select(c => c.Code));
        Assert.Equal([("16-20", true, 1), ("21-ar-eller-aldre", false, 2)], list.Select(c => (c.Code, c.Retired, c.Position)));

        var duplicate = ReportingCategory.Apply(List(), [new(1, CategoryKind.AgeBand, "Under 16"), new(2, CategoryKind.AgeBand, "16–20"), new(null, CategoryKind.AgeBand, "16 – 20")],
            inUse, new HashSet<(CategoryKind, string)>(), Create, out _);
        Assert.Contains(duplicate, p => p.Field == "categories[2].code");
        // An agreement's own code may not repeat the municipality's: a figure names a category by its code alone.
        var taken = ReportingCategory.Apply([], [new(null, CategoryKind.AgeBand, "Under 16")], inUse, new HashSet<(CategoryKind, string)> { (CategoryKind.AgeBand, "under-16") }, Create, out _);
        Assert.Contains(taken, p => p.Field == "categories[0].code");
        Assert.False(ReportingCategory.IsCode("ålder 16"));
        Assert.Equal("inskriven-pa-arbetsformedlingen", ReportingCategory.CodeFrom("Inskriven på Arbetsförmedlingen"));
    }

    private static async Task<(int Municipality, int Agreement, int Partnership, int Goal, Guid Version)> HusbyAsync(SamverkaApp app) =>
        await app.WithDbAsync(async ctx =>
        {
            var a = await ctx.Agreements.Include(x => x.Goals).Include(x => x.Partnership).SingleAsync(x => x.Title == "Överenskommelse Folkets Husby");
            return (await ctx.Boards.Where(b => b.Id == a.Partnership.BoardId).Select(b => b.MunicipalityId).SingleAsync(), a.Id, a.PartnershipId, a.Goals.Single(g => g.Number == 1).Id, a.Version);
        });

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, int report, params Dictionary<string, object?>[] rows)
    {
        using var stream = new MemoryStream();
        // Every row with every column, as a sheet has them.
        var columns = rows.SelectMany(r => r.Keys).Distinct().ToList();
        stream.SaveAs(new Dictionary<string, object> { [Spreadsheets.FiguresSheet] = rows.Select(r => columns.ToDictionary(c => c, c => r.GetValueOrDefault(c))).ToList() });
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(stream.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue(Spreadsheets.XlsxType);
        content.Add(file, "file", "uppgifter.xlsx");
        var version = (await (await client.GetAsync($"/api/reports/{report}")).ReadAsync<ReportView>()).Version;
        return await client.PostAsync($"/api/reports/{report}/import?confirm=true&version={version}", content);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AMunicipalitysOwnAgeBandsAndOutcomes_GoThroughTheTemplate_TheImport_TheFulfilmentAndTheExport(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db, now: February2025);
        var (municipality, agreement, partnership, goal, version) = await HusbyAsync(app);
        var coordinator = app.ApiClient(Users.Coordinator);
        var partner = app.ApiClient(Users.FolketsHusby);

        // The municipality counts ages its own way and registers at Arbetsförmedlingen; the old bands are retired.
        var lists = await (await coordinator.GetAsync($"/api/municipalities/{municipality}/categories")).ReadAsync<CategoryListView>();
        List<CategoryRow> rows =
        [
            .. lists.Categories.Select(c => new CategoryRow(c.Id, c.Kind, c.Name, c.NameEn, c.Code, Retired: c.Kind == CategoryKind.AgeBand)),
            new(null, CategoryKind.AgeBand, "Under 16", "Under 16"),
            new(null, CategoryKind.AgeBand, "16–20", "16–20"),
            new(null, CategoryKind.AgeBand, "21 eller äldre", "21 or older"),
            new(null, CategoryKind.Outcome, "Inskriven på Arbetsförmedlingen", "Registered with the Public Employment Service"),
        ];
        var saved = await coordinator.PutJsonAsync($"/api/municipalities/{municipality}/categories", new CategoryListInput(rows, lists.Version));
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PutJsonAsync($"/api/municipalities/{municipality}/categories", new CategoryListInput(rows, lists.Version))).StatusCode);

        // The agreement reports one kind of outcome of the municipality's four (and every age band, none being chosen).
        var choice = await (await coordinator.GetAsync($"/api/agreements/{agreement}/categories")).ReadAsync<AgreementCategoriesView>();
        var employment = choice.Municipality.Single(c => c.Code == "inskriven-pa-arbetsformedlingen");
        var chosen = await (await coordinator.PutJsonAsync($"/api/agreements/{agreement}/categories", new AgreementCategoriesInput([employment.Id], [], choice.Version))).ReadAsync<AgreementCategoriesView>();
        Assert.Equal(["inskriven-pa-arbetsformedlingen"], chosen.Effective.Where(c => c.Kind == CategoryKind.Outcome).Select(c => c.Code));
        Assert.Equal(["under-16", "16-20", "21-eller-aldre"], chosen.Effective.Where(c => c.Kind == CategoryKind.AgeBand).Select(c => c.Code));

        // A target counts the share of one of the municipality's bands; a band the agreement does not have is refused.
        version = await app.WithDbAsync(ctx => ctx.Agreements.Where(a => a.Id == agreement).Select(a => a.Version).SingleAsync());
        ExpectedResultDto Target(string band) => new(null, "Minst 40 procent av deltagarna är 16–20 år", TargetKind.Share, 40, null, null, null, null, null, null, null, null,
            TargetDirection.AtLeast, null, ShareOf.AgeBand, null, ShareCategory: band);
        var refused = await coordinator.PostJsonAsync($"/api/agreements/{agreement}/targets", new AddTargetInput(goal, Target("Age19To24"), new DateOnly(2024, 8, 1), DecisionMaker.SteeringGroup, "§ 7", null, version));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("är inte en åldersgrupp som avtalet redovisar", System.Text.RegularExpressions.Regex.Unescape(await refused.Content.ReadAsStringAsync()));
        var doc = await (await coordinator.PostJsonAsync($"/api/agreements/{agreement}/targets", new AddTargetInput(goal, Target("16-20"), new DateOnly(2024, 8, 1), DecisionMaker.SteeringGroup, "§ 7", null, version))).ReadAsync<AgreementDocument>();
        var target = doc.Goals!.SelectMany(g => g.ExpectedResults!).Single(r => r.ShareCategory == "16-20").Id!.Value;

        var report = await (await partner.PostJsonAsync($"/api/partnerships/{partnership}/reports", new ReportInput(agreement, new DateOnly(2024, 9, 1), new DateOnly(2024, 9, 30)))).ReadAsync<ReportView>();
        using (var template = new MemoryStream(await (await partner.GetAsync($"/api/agreements/{agreement}/template")).Content.ReadAsByteArrayAsync()))
        {
            var headers = template.Query(useHeaderRow: false, sheetName: Spreadsheets.FiguresSheet).Cast<IDictionary<string, object?>>().First().Values.Select(v => v?.ToString()).ToList();
            Assert.Contains("Ålder: Under 16", headers);
            Assert.Contains("Ålder: 21 eller äldre", headers);
            Assert.DoesNotContain("Ålder: 19–24", headers);
            template.Position = 0;
            var outcomes = template.Query(useHeaderRow: true, sheetName: Spreadsheets.ValuesSheet).Cast<IDictionary<string, object?>>().Select(r => r["Utfallstyp"]?.ToString()).OfType<string>().ToList();
            Assert.Equal(["Inskriven på Arbetsförmedlingen"], outcomes);
        }
        var code = Spreadsheets.TargetCodes(await app.WithDbAsync(ctx => ctx.Agreements.Include(a => a.Goals).ThenInclude(g => g.ExpectedResults).SingleAsync(a => a.Id == agreement)))
            .Single(kv => kv.Value.Id == target).Key;
        Dictionary<string, object?> Programme(string band, int n) => new()
        {
            ["Typ"] = "Deltagare i program", ["Arrangemangstyp"] = null, ["Utfallstyp"] = null, ["Från"] = "2024-09-02", ["Till"] = "2024-09-27", ["Rubrik"] = "Sommarkurs",
            ["Började"] = 50, ["Kvinnor"] = 25, ["Män"] = 25, ["Ålder: Under 16"] = 10, [band] = n, ["Ålder: 21 eller äldre"] = 10, ["Mätetal"] = code,
        };
        var outcome = new Dictionary<string, object?> { ["Typ"] = "Utfall", ["Arrangemangstyp"] = null, ["Utfallstyp"] = "Inskriven på Arbetsförmedlingen", ["Från"] = "2024-09-30", ["Till"] = null, ["Rubrik"] = "Inskrivna", ["Antal totalt"] = 7 };

        // A retired band, or an outcome the agreement did not choose, is refused by row; nothing is saved.
        var old = await ImportAsync(partner, report.Id, Programme("Ålder: 19–24", 30));
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        Assert.Contains("”Age19To24” är inte en åldersgrupp som avtalet redovisar", System.Text.RegularExpressions.Regex.Unescape(await old.Content.ReadAsStringAsync()));
        var unchosen = await ImportAsync(partner, report.Id, new Dictionary<string, object?>(outcome) { ["Utfallstyp"] = "Till studier" });
        Assert.Equal(HttpStatusCode.BadRequest, unchosen.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(ctx => ctx.Figures.CountAsync(f => f.ReportId == report.Id)));

        var imported = await ImportAsync(partner, report.Id, Programme("Ålder: 16–20", 30), outcome);
        Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        report = await (await partner.GetAsync($"/api/reports/{report.Id}")).ReadAsync<ReportView>();
        var programme = report.Figures.Single(f => f.Kind == FigureKind.Participants);
        Assert.Equal(new Dictionary<string, int> { ["under-16"] = 10, ["16-20"] = 30, ["21-eller-aldre"] = 10 }, programme.Ages.ToDictionary(a => a.Code, a => a.Count!.Value));
        Assert.Equal("inskriven-pa-arbetsformedlingen", report.Figures.Single(f => f.Kind == FigureKind.Outcome).OutcomeKind);
        report = await (await partner.PostJsonAsync($"/api/reports/{report.Id}/submit", new ReviewInput(report.Version))).ReadAsync<ReportView>();
        Assert.Equal(ReportStatus.Approved, (await (await coordinator.PostJsonAsync($"/api/reports/{report.Id}/approve", new ReviewInput(report.Version))).ReadAsync<ReportView>()).Status);

        // 30 of the 50 who started are 16–20: 60 %, at least 40 % is met.
        var judged = (await (await coordinator.GetAsync($"/api/agreements/{agreement}/fulfilment?year=2024")).ReadAsync<FulfilmentView>()).Goals.SelectMany(g => g.Targets).Single(t => t.TargetId == target);
        Assert.Equal((FulfilmentStatus.Met, 60m), (judged.Status, judged.Actual!.Value));

        var csv = Encoding.UTF8.GetString(await (await coordinator.GetAsync($"/api/agreements/{agreement}/figures?year=2024&format=csv")).Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(';').ToList();
        var summer = lines.Single(l => l.Contains("Sommarkurs", StringComparison.Ordinal)).Split(';');
        Assert.Equal("30", summer[header.IndexOf("Ålder: 16–20")]);
        Assert.Contains(lines, l => l.Contains("Inskriven på Arbetsförmedlingen", StringComparison.Ordinal));
        // The seed's figures keep their names: the old kinds of outcome are still on the municipality's list.
        Assert.Contains(lines, l => l.Contains("Inskriven vid Jobbtorg", StringComparison.Ordinal));

        // Pages: the report names the bands; the lists' pages show them.
        var page = await (await app.SignedInClientAsync(Users.FolketsHusby)).GetStringAsync($"/Results/Report/{report.Id}");
        Assert.Contains("Under 16 10, 16–20 30, 21 eller äldre 10", System.Net.WebUtility.HtmlDecode(page));
        Assert.Contains("Inskriven på Arbetsförmedlingen", System.Net.WebUtility.HtmlDecode(await (await app.SignedInClientAsync(Users.Coordinator)).GetStringAsync($"/Agreements/{agreement}/Categories")));
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task AKindOfEventInUse_IsRetired_NotRenamedOrRemoved_AndNewFiguresCannotUseIt(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db, now: February2025);
        var (municipality, agreement, partnership, _, _) = await HusbyAsync(app);
        var coordinator = app.ApiClient(Users.Coordinator);
        var lists = await (await coordinator.GetAsync($"/api/municipalities/{municipality}/categories")).ReadAsync<CategoryListView>();
        var fair = lists.Categories.Single(c => c.Code == "Fair");
        Assert.Equal(2, fair.InUse);
        List<CategoryRow> Rows(Func<CategoryView, CategoryRow?> change) => [.. lists.Categories.Select(c => c.Id == fair.Id ? change(c) : new CategoryRow(c.Id, c.Kind, c.Name, c.NameEn, c.Code, c.Retired)).OfType<CategoryRow>()];

        var renamed = await coordinator.PutJsonAsync($"/api/municipalities/{municipality}/categories", new CategoryListInput(Rows(c => new(c.Id, c.Kind, "Jobbmässa", c.NameEn, c.Code)), lists.Version));
        Assert.Equal(HttpStatusCode.BadRequest, renamed.StatusCode);
        Assert.Contains("”Mässa” används av 2 uppgifter eller mätetal", System.Text.RegularExpressions.Regex.Unescape(await renamed.Content.ReadAsStringAsync()));
        var removed = await coordinator.PutJsonAsync($"/api/municipalities/{municipality}/categories", new CategoryListInput(Rows(_ => null), lists.Version));
        Assert.Equal(HttpStatusCode.BadRequest, removed.StatusCode);
        Assert.Equal(lists.Version, (await (await coordinator.GetAsync($"/api/municipalities/{municipality}/categories")).ReadAsync<CategoryListView>()).Version);

        var retired = await coordinator.PutJsonAsync($"/api/municipalities/{municipality}/categories", new CategoryListInput(Rows(c => new(c.Id, c.Kind, c.Name, c.NameEn, c.Code, Retired: true)), lists.Version));
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        // Someone who read the lists before the change cannot overwrite it.
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.PutJsonAsync($"/api/municipalities/{municipality}/categories", new CategoryListInput(Rows(c => new(c.Id, c.Kind, c.Name, c.NameEn, c.Code)), lists.Version))).StatusCode);

        var partner = app.ApiClient(Users.FolketsHusby);
        var report = await (await partner.PostJsonAsync($"/api/partnerships/{partnership}/reports", new ReportInput(agreement, new DateOnly(2024, 9, 1), new DateOnly(2024, 9, 30)))).ReadAsync<ReportView>();
        var figure = new FigureInput { Kind = FigureKind.Event, EventKind = "Fair", From = new DateOnly(2024, 9, 10), Total = 40, Version = report.Version };
        var refused = await partner.PostJsonAsync($"/api/reports/{report.Id}/figures", figure);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("”Fair” är inte en arrangemangstyp som avtalet redovisar", System.Text.RegularExpressions.Regex.Unescape(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, (await partner.PostJsonAsync($"/api/reports/{report.Id}/figures", figure.With(f => f.EventKind = "recruitmentmeeting"))).StatusCode);
        Assert.Equal("RecruitmentMeeting", (await (await partner.GetAsync($"/api/reports/{report.Id}")).ReadAsync<ReportView>()).Figures.Single().EventKind);

        // What was reported under it keeps its name.
        var seed = await app.WithDbAsync(ctx => ctx.ResultReports.Where(r => r.AgreementId == agreement && r.Status == ReportStatus.Approved).Select(r => r.Id).FirstAsync());
        Assert.Contains("Arrangemang: Mässa", System.Net.WebUtility.HtmlDecode(await (await app.SignedInClientAsync(Users.Coordinator)).GetStringAsync($"/Results/Report/{seed}")));
    }
}
