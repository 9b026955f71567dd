using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Samverka.Tests.Support;
using Samverka.Web.Features.Results;

namespace Samverka.Tests.Features.Results;

public class ResultsPagesTests
{
    private static Task<(int Partnership, int Agreement, int Report, int Figure)> SeedAsync(SamverkaApp app) => app.WithDbAsync(async db =>
    {
        var report = await db.ResultReports.Include(r => r.Figures).SingleAsync();
        return (report.PartnershipId, report.AgreementId, report.Id, report.Figures.OrderBy(f => f.Id).First().Id);
    });

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task PartnerOfAnotherOrganisation_GetsNotFound_OnEveryResultsPage(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var (p, a, r, f) = await SeedAsync(app);
        var other = await app.SignedInClientAsync(Users.IogtSpanga);
        var own = await app.SignedInClientAsync(Users.FolketsHusby);
        foreach (var url in new[] { $"/Results/Index/{p}", $"/Results/Report/{r}", $"/Results/Fulfilment/{a}", $"/Results/Fulfilment/{a}?year=2024", $"/Results/Import/{r}", $"/Results/Correct/{r}?figureId={f}" })
        {
            Assert.True(HttpStatusCode.NotFound == (await other.GetAsync(url)).StatusCode, url);
            // Correcting an approved figure is the administration's: the partner sees the page with the reason, under 403.
            Assert.True((url.StartsWith("/Results/Correct", StringComparison.Ordinal) ? HttpStatusCode.Forbidden : HttpStatusCode.OK) == (await own.GetAsync(url)).StatusCode, url);
        }
        var api = app.ApiClient(Users.IogtSpanga);
        foreach (var url in new[] { $"/api/agreements/{a}/template", $"/api/agreements/{a}/figures", $"/api/agreements/{a}/fulfilment" })
        {
            Assert.True(HttpStatusCode.NotFound == (await api.GetAsync(url)).StatusCode, url);
        }
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ReportPage_SaysNoPersonalData_AndHidesSmallCountsForABoardMember(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var (_, _, r, _) = await SeedAsync(app);
        var own = WebUtility.HtmlDecode(await (await app.SignedInClientAsync(Users.Coordinator)).GetStringAsync($"/Results/Report/{r}"));
        Assert.Contains("aldrig namn, personnummer", own);
        Assert.DoesNotMatch(@">\s*dolt\s*<", own);
        var member = WebUtility.HtmlDecode(await (await app.SignedInClientAsync(Users.BoardMember)).GetStringAsync($"/Results/Report/{r}"));
        Assert.Matches(@">\s*dolt\s*<", member);
        Assert.Contains("Antal under 5 döljs", member);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task RecordThroughTheForm_ThenSubmit_LocksTheForm(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var (p, a, _, _) = await SeedAsync(app);
        var partner = await app.SignedInClientAsync(Users.FolketsHusby);
        var opened = await partner.PostFormAsync($"/Results/Index/{p}", new()
        {
            ["AgreementId"] = a.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PeriodStart"] = "2024-10-01",
            ["PeriodEnd"] = "2024-10-31",
        });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var url = opened.Headers.Location!.OriginalString;
        var version = async () => (await app.WithDbAsync(ctx => ctx.ResultReports.OrderBy(x => x.Id).Select(x => x.Version).ToListAsync())).Last().ToString();

        var bad = await partner.PostFormAsync(url, new()
        {
            ["Version"] = await version(),
            ["Figure.Kind"] = "Event",
            ["Figure.EventKind"] = "InformationStand",
            ["Figure.From"] = "2024-10-03",
            ["Figure.Total"] = "20",
            ["Figure.Women"] = "15",
            ["Figure.Men"] = "15",
        }, "Figure");
        Assert.Contains("Kvinnor, män och annat summerar till 30, mer än totalen 20.", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));

        var good = await partner.PostFormAsync(url, new()
        {
            ["Version"] = await version(),
            ["Figure.Kind"] = "Event",
            ["Figure.EventKind"] = "InformationStand",
            ["Figure.From"] = "2024-10-03",
            ["Figure.Title"] = "Informationsdisk på Husby torg",
            ["Figure.Total"] = "1 20",
            ["Figure.Women"] = "50",
            ["Figure.Men"] = "60",
        }, "Figure");
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(120, await app.WithDbAsync(ctx => ctx.Figures.Where(f => f.Title == "Informationsdisk på Husby torg").Select(f => f.Total!.Value).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await partner.PostFormAsync(url, new() { ["Version"] = await version() }, "Submit")).StatusCode);
        var page = WebUtility.HtmlDecode(await partner.GetStringAsync(url));
        Assert.DoesNotContain("Registrera en uppgift", page);
        Assert.Contains("Inlämnad", page);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task ImportPage_PreviewsThenSavesAll(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db);
        var (p, a, _, _) = await SeedAsync(app);
        var report = await (await app.ApiClient(Users.FolketsHusby).PostJsonAsync($"/api/partnerships/{p}/reports",
            new ReportInput(a, new DateOnly(2024, 11, 1), new DateOnly(2024, 11, 30)))).ReadAsync<ReportView>();
        var partner = await app.SignedInClientAsync(Users.FolketsHusby);
        var page = await partner.GetStringAsync($"/Results/Import/{report.Id}");
        var token = Http.AntiforgeryTokenIn(page);

        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object>
        {
            [Spreadsheets.FiguresSheet] = new List<Dictionary<string, object?>>
            {
                new() { ["Typ"] = "Drop-in-besök", ["Arrangemangstyp"] = null, ["Utfallstyp"] = null, ["Från"] = "2024-11-01", ["Till"] = "2024-11-30", ["Rubrik"] = "Drop-in november", ["Antal totalt"] = 17, ["Mätetal"] = "" },
            },
        });
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(stream.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue(Spreadsheets.XlsxType);
        form.Add(file, "Upload", "november.xlsx");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        // The report's version the page was read at travels with the preview to the confirmation, as in the browser.
        form.Add(new StringContent(System.Text.RegularExpressions.Regex.Match(page, "name=\"Version\" value=\"([^\"]+)\"").Groups[1].Value), "Version");
        var preview = await partner.PostAsync($"/Results/Import/{report.Id}?handler=Preview", form);
        var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Contains("Förhandsgranskning: 1 uppgifter", html);
        Assert.Equal(0, await app.WithDbAsync(ctx => ctx.Figures.CountAsync(f => f.ReportId == report.Id)));

        var prepared = System.Text.RegularExpressions.Regex.Match(await preview.Content.ReadAsStringAsync(), "name=\"Prepared\" value=\"([^\"]+)\"").Groups[1].Value;
        var version = System.Text.RegularExpressions.Regex.Match(await preview.Content.ReadAsStringAsync(), "name=\"Version\" value=\"([^\"]+)\"").Groups[1].Value;
        var confirm = await partner.PostFormAsync($"/Results/Import/{report.Id}", new() { ["Prepared"] = WebUtility.HtmlDecode(prepared), ["Version"] = version }, "Confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal(17, await app.WithDbAsync(ctx => ctx.Figures.Where(f => f.ReportId == report.Id).Select(f => f.Total!.Value).SingleAsync()));
    }
}
