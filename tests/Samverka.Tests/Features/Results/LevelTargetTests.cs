using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Decisions;
using Samverka.Web.Features.Results;

namespace Samverka.Tests.Features.Results;

/// <summary>
/// Issue 23, item 7: a target is a level, not only a total: "no one homeless" (at most 0) or "20 % fewer evicted households
/// than the 50 of 2023" (at most 40), judged by the latest approved figure of the period.
/// </summary>
public class LevelTargetTests
{
    private static readonly DateTimeOffset February2025 = new(2025, 2, 3, 9, 0, 0, TimeSpan.Zero);

    private static async Task<(int Id, int Partnership, int Goal, Guid Version)> HusbyAsync(SamverkaApp app) => await app.WithDbAsync(async ctx =>
    {
        var a = await ctx.Agreements.Include(x => x.Goals).SingleAsync(x => x.Title == "Överenskommelse Folkets Husby");
        return (a.Id, a.PartnershipId, a.Goals.Single(g => g.Number == 1).Id, a.Version);
    });

    private static ExpectedResultDto Evictions(TargetDirection? direction = null, decimal? level = null, decimal? baseline = 50, decimal? change = -20) =>
        new(null, "Färre vräkta barnfamiljer", TargetKind.Level, level, null, "hushåll", null, null, null, null, null, null, direction, null, null, null, baseline, change);

    private static async Task ReportAsync(SamverkaApp app, int partnership, int agreement, int target, DateOnly from, DateOnly to, int households)
    {
        var partner = app.ApiClient(Users.FolketsHusby);
        var report = await (await partner.PostJsonAsync($"/api/partnerships/{partnership}/reports", new ReportInput(agreement, from, to))).ReadAsync<ReportView>();
        var figure = new FigureInput { Kind = FigureKind.PeopleReached, From = to, To = to, Title = "Vräkta barnfamiljer", Total = households, TargetIds = [target], Version = report.Version };
        report = await (await partner.PostJsonAsync($"/api/reports/{report.Id}/figures", figure)).ReadAsync<ReportView>();
        report = await (await partner.PostJsonAsync($"/api/reports/{report.Id}/submit", new ReviewInput(report.Version))).ReadAsync<ReportView>();
        Assert.Equal(ReportStatus.Approved, (await (await app.ApiClient(Users.Coordinator).PostJsonAsync($"/api/reports/{report.Id}/approve", new ReviewInput(report.Version))).ReadAsync<ReportView>()).Status);
    }

    [Theory, ClassData(typeof(BothDatabases))]
    public async Task TwentyPercentFewerThanFifty_IsJudgedByTheLevelAtTheEnd_NotTheSum(Db db)
    {
        await using var app = await SamverkaApp.StartAsync(db, now: February2025);
        var (id, partnership, goal, version) = await HusbyAsync(app);
        var doc = await (await app.ApiClient(Users.Coordinator).PostJsonAsync($"/api/agreements/{id}/targets",
            new AddTargetInput(goal, Evictions(), new DateOnly(2024, 1, 15), DecisionMaker.SteeringGroup, "§ 3", null, version))).ReadAsync<AgreementDocument>();
        var added = doc.Goals!.SelectMany(g => g.ExpectedResults!).Single(r => r.Description == "Färre vräkta barnfamiljer");
        // Without a direction, a reduction counts down.
        Assert.Equal((TargetDirection.AtMost, 50m, -20m), (added.Direction!.Value, added.Baseline!.Value, added.ChangePercent!.Value));

        await ReportAsync(app, partnership, id, added.Id!.Value, new DateOnly(2024, 1, 1), new DateOnly(2024, 6, 30), 46);
        await ReportAsync(app, partnership, id, added.Id!.Value, new DateOnly(2024, 7, 1), new DateOnly(2024, 12, 31), 39);

        var judged = (await (await app.ApiClient(Users.Coordinator).GetAsync($"/api/agreements/{id}/fulfilment?year=2024")).ReadAsync<FulfilmentView>())
            .Goals.SelectMany(g => g.Targets).Single(t => t.TargetId == added.Id);
        Assert.Equal((FulfilmentStatus.Met, 39m, 40m), (judged.Status, judged.Actual!.Value, judged.Target!.Value));

        var page = WebUtility.HtmlDecode(await (await app.SignedInClientAsync(Users.Coordinator)).GetStringAsync($"/Results/Fulfilment/{id}?year=2024"));
        Assert.Contains("högst 40 hushåll, 20 procent färre än utgångsläget 50", page, StringComparison.Ordinal);
        Assert.Contains("39 per 2024-12-31; målet är högst 40 hushåll.", page, StringComparison.Ordinal);

        using var docx = WordprocessingDocument.Open(new MemoryStream(await (await app.ApiClient(Users.FolketsHusby).GetAsync($"/api/agreements/{id}/docx")).Content.ReadAsByteArrayAsync()), false);
        Assert.Contains("Färre vräkta barnfamiljer. Mål: högst 40 hushåll, 20 procent färre än utgångsläget 50.", docx.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AtLeastNone_AndAReductionCountedUp_AreRefused_AndChangeNothing()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite, now: February2025);
        var (id, _, goal, version) = await HusbyAsync(app);
        var api = app.ApiClient(Users.Coordinator);

        var none = await api.PostJsonAsync($"/api/agreements/{id}/targets",
            new AddTargetInput(goal, Evictions(TargetDirection.AtLeast, 0, null, null), new DateOnly(2024, 1, 15), DecisionMaker.SteeringGroup, null, null, version));
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("välj högst 0", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var up = await api.PostJsonAsync($"/api/agreements/{id}/targets",
            new AddTargetInput(goal, Evictions(TargetDirection.AtLeast), new DateOnly(2024, 1, 15), DecisionMaker.SteeringGroup, null, null, version));
        Assert.Equal(HttpStatusCode.BadRequest, up.StatusCode);
        Assert.Contains("välj högst", await up.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(version, await app.WithDbAsync(ctx => ctx.Agreements.Where(a => a.Id == id).Select(a => a.Version).SingleAsync()));
    }

    /// <summary>On the page the level and the baseline are fields of the shared target form; "−20" with the typographic minus is read.</summary>
    [Fact]
    public async Task OnThePage_ALevelFromABaseline_IsAdded_WithTheTypographicMinus()
    {
        await using var app = await SamverkaApp.StartAsync(Db.Sqlite, now: February2025);
        var (id, _, goal, version) = await HusbyAsync(app);
        var client = await app.SignedInClientAsync(Users.Coordinator);
        var answer = await client.PostFormAsync($"/Agreements/AddTarget/{id}", new()
        {
            ["Input.GoalId"] = $"{goal}",
            ["Input.Description"] = "Färre vräkta barnfamiljer",
            ["Input.Kind"] = nameof(TargetKind.Level),
            ["Input.Direction"] = nameof(TargetDirection.AtMost),
            ["Input.Unit"] = "hushåll",
            ["Input.Baseline"] = "50",
            ["Input.ChangePercent"] = "\u221220",
            ["Input.AddedOn"] = "2024-01-15",
            ["Input.DecidedBy"] = nameof(DecisionMaker.SteeringGroup),
            ["Input.Version"] = $"{version}",
        });
        Assert.True(answer.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther, await answer.Content.ReadAsStringAsync());
        var target = await app.WithDbAsync(ctx => ctx.Set<ExpectedResult>().SingleAsync(r => r.Description == "Färre vräkta barnfamiljer"));
        Assert.Equal((TargetKind.Level, 50m, -20m, 40m), (target.Kind, target.Baseline!.Value, target.ChangePercent!.Value, target.Rule.Goal!.Value));
    }
}
