using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Partnerships;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Results;

public sealed record ReportInput(int AgreementId, DateOnly PeriodStart, DateOnly PeriodEnd);
public sealed record ReturnInput(string? Comment);
public sealed record CorrectionInput(FigureInput Figure, string? Reason);
public sealed record ReportRow(int Id, int AgreementId, DateOnly PeriodStart, DateOnly PeriodEnd, ReportStatus Status, int Figures);

public sealed record FigureView(int Id, FigureKind Kind, EventKind? EventKind, OutcomeKind? OutcomeKind, DateOnly From, DateOnly To, string? Title,
    int? Total, int? Women, int? Men, int? OtherGender, int? AgeUnder19, int? Age19To24, int? Age25To29, int? Age30Plus, int? AgeNotStated,
    int? Started, int? Completed, string? Question, int? Respondents, decimal? AgreeBeforePercent, decimal? AgreeAfterPercent,
    decimal? MenPercent, decimal? WomenPercent, string? Note, int? CorrectsFigureId, string? CorrectionReason, int? CorrectedById,
    DateTimeOffset RecordedAt, string RecordedBy, List<int> TargetIds, List<string> Suppressed)
{
    /// <summary>The figure as a user may see it: exact for the partnership's own users, suppressed for anyone else.</summary>
    public static FigureView Of(Figure f, int? correctedBy, bool exact, int threshold)
    {
        var suppressed = new List<string>();
        int? total = f.Total, women = f.Women, men = f.Men, other = f.OtherGender;
        int? a1 = f.AgeUnder19, a2 = f.Age19To24, a3 = f.Age25To29, a4 = f.Age30Plus, a5 = f.AgeNotStated, started = f.Started, completed = f.Completed, respondents = f.Respondents;
        if (!exact)
        {
            var g = Suppression.TotalAndParts(total, [women, men, other], threshold);
            var a = Suppression.TotalAndParts(total, [a1, a2, a3, a4, a5], threshold);
            var p = Suppression.TotalAndParts(started, [completed], threshold);
            int? Keep(Cell c, string name) { if (c.Hidden) { suppressed.Add(name); } return c.Hidden ? null : c.Value; }
            total = Keep(g[0].Hidden || a[0].Hidden ? new Cell(null, true) : g[0], "total");
            women = Keep(g[1], "women"); men = Keep(g[2], "men"); other = Keep(g[3], "otherGender");
            a1 = Keep(a[1], "ageUnder19"); a2 = Keep(a[2], "age19To24"); a3 = Keep(a[3], "age25To29"); a4 = Keep(a[4], "age30Plus"); a5 = Keep(a[5], "ageNotStated");
            started = Keep(p[0], "started"); completed = Keep(p[1], "completed");
            respondents = Keep(Suppression.One(respondents, threshold), "respondents");
        }
        return new FigureView(f.Id, f.Kind, f.EventKind, f.OutcomeKind, f.From, f.To, f.Title, total, women, men, other, a1, a2, a3, a4, a5,
            started, completed, f.Question, respondents, f.AgreeBeforePercent, f.AgreeAfterPercent, f.MenPercent, f.WomenPercent, f.Note,
            f.CorrectsFigureId, f.CorrectionReason, correctedBy, f.RecordedAt, f.RecordedByName, [.. f.Targets.Select(t => t.ExpectedResultId)], suppressed);
    }
}

public sealed record ReportView(int Id, int PartnershipId, int AgreementId, DateOnly PeriodStart, DateOnly PeriodEnd, ReportStatus Status, string? ReviewComment,
    Guid Version, List<FigureView> Figures, List<ReportEventView> History)
{
    public static ReportView From(ResultReport r, bool exact, int threshold)
    {
        var correctedBy = r.Figures.Where(f => f.CorrectsFigureId is not null).ToDictionary(f => f.CorrectsFigureId!.Value, f => f.Id);
        return new(r.Id, r.PartnershipId, r.AgreementId, r.PeriodStart, r.PeriodEnd, r.Status, r.ReviewComment, r.Version,
            [.. r.Figures.OrderBy(f => f.From).ThenBy(f => f.Id).Select(f => FigureView.Of(f, correctedBy.TryGetValue(f.Id, out var c) ? c : null, exact, threshold))],
            [.. r.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new ReportEventView(h.Status, h.At, h.ByName, h.Comment))]);
    }
}

public sealed record ReportEventView(ReportStatus Status, DateTimeOffset At, string By, string? Comment);

public static class ResultsApi
{
    public static void MapResultsApi(this RouteGroupBuilder api)
    {
        var p = api.MapGroup("/partnerships/{partnershipId:int}/reports").WithTags("Results");
        p.MapGet("/", async Task<Results<Ok<List<ReportRow>>, NotFound>> (int partnershipId, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db) =>
        {
            if (!await access.CanSeeAsync(user, partnershipId))
            {
                return TypedResults.NotFound();
            }
            var rows = await (await Recording.VisibleReportsAsync(access, db, user)).AsNoTracking()
                .Where(r => r.PartnershipId == partnershipId).OrderBy(r => r.PeriodStart)
                .Select(r => new ReportRow(r.Id, r.AgreementId, r.PeriodStart, r.PeriodEnd, r.Status, r.Figures.Count)).ToListAsync();
            return TypedResults.Ok(rows);
        }).WithSummary("A partnership's reporting periods");

        p.MapPost("/", async Task<Results<Created<ReportView>, NotFound, ProblemHttpResult>> (int partnershipId, ReportInput input, ClaimsPrincipal user,
            PartnershipAccess access, AppDbContext db, IStringLocalizer<Texts> t, IConfiguration config) =>
        {
            var partnership = await (await access.VisibleAsync(user)).FirstOrDefaultAsync(x => x.Id == partnershipId);
            if (partnership is null)
            {
                return TypedResults.NotFound();
            }
            var (report, refusal) = await Reports.CreateAsync(db, user, partnership, input);
            if (refusal is not null)
            {
                return refusal.Message.StartsWith("Only", StringComparison.Ordinal)
                    ? TypedResults.Problem(t.Say(refusal), statusCode: StatusCodes.Status403Forbidden)
                    : ApiProblems.Refused(refusal, t);
            }
            return TypedResults.Created($"/api/reports/{report!.Id}", ReportView.From(report, true, Reports.Threshold(config)));
        }).WithSummary("Open a reporting period for one of the partnership's agreements");

        var r = api.MapGroup("/reports/{id:int}").WithTags("Results");
        r.MapGet("/", async Task<Results<Ok<ReportView>, NotFound>> (int id, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, IConfiguration config) =>
            await (await Recording.VisibleReportsAsync(access, db, user)).AsNoTracking().WithFigures().FirstOrDefaultAsync(x => x.Id == id) is { } report
                ? TypedResults.Ok(ReportView.From(report, Recording.SeesExactFigures(user), Reports.Threshold(config)))
                : TypedResults.NotFound())
            .WithSummary("A reporting period with its figures (suppressed for users outside the partnership)");

        MapReportStep<FigureInput>(r, "figures", Recording.CanReport, (report, x, actor) => Recording.Add(report, x, actor));
        MapReportAction(r, "submit", Recording.CanReport, (report, actor) => report.Submit(actor));
        MapReportAction(r, "approve", Recording.CanReview, (report, actor) => report.Approve(actor));
        MapReportStep<ReturnInput>(r, "return", Recording.CanReview, (report, x, actor) => report.Return(x.Comment, actor));

        r.MapDelete("/figures/{figureId:int}", async Task<Results<Ok<ReportView>, NotFound, ProblemHttpResult>> (int id, int figureId, ClaimsPrincipal user,
            PartnershipAccess access, AppDbContext db, IStringLocalizer<Texts> t, IConfiguration config) =>
            await Reports.RunAsync(id, user, access, db, t, config, Recording.CanReport, report =>
                report.Figures.FirstOrDefault(f => f.Id == figureId) is { } figure ? report.Remove(figure) : new Refusal("No such figure in this report.")))
            .WithSummary("Remove a figure from a draft or returned report");

        r.MapPost("/figures/{figureId:int}/correct", async Task<Results<Ok<ReportView>, NotFound, ProblemHttpResult>> (int id, int figureId, CorrectionInput input, ClaimsPrincipal user,
            PartnershipAccess access, AppDbContext db, IStringLocalizer<Texts> t, IConfiguration config, TimeProvider clock) =>
            await Reports.RunAsync(id, user, access, db, t, config, Recording.CanReview, report =>
                report.Figures.FirstOrDefault(f => f.Id == figureId) is not { } original ? new Refusal("No such figure in this report.")
                : Recording.CheckTargets(report, input.Figure) ?? report.Correct(original, input.Figure.ToFigure(), input.Reason, AgreementEditing.ActorOf(user, clock))))
            .WithSummary("Correct an approved figure: the new value stands beside the old one, with the reason");

        api.MapGet("/agreements/{id:int}/fulfilment", async Task<Results<Ok<FulfilmentView>, NotFound>> (int id, int? year, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, TimeProvider clock) =>
            await (await access.VisibleAgreementsAsync(user)).AnyAsync(a => a.Id == id)
                ? TypedResults.Ok(await Fulfilment.ForAgreementAsync(db, id, year, clock.Today()))
                : TypedResults.NotFound())
            .WithTags("Results").WithSummary("Goal fulfilment per target and goal, for a year or the whole agreement");
    }

    private static void MapReportAction(RouteGroupBuilder r, string name, Func<ClaimsPrincipal, Partnership, Refusal?> permission, Func<ResultReport, Actor, Refusal?> step) =>
        r.MapPost($"/{name}", async Task<Results<Ok<ReportView>, NotFound, ProblemHttpResult>> (int id, ClaimsPrincipal user,
            PartnershipAccess access, AppDbContext db, IStringLocalizer<Texts> t, IConfiguration config, TimeProvider clock) =>
            await Reports.RunAsync(id, user, access, db, t, config, permission, report => step(report, AgreementEditing.ActorOf(user, clock))))
            .WithSummary(name == "submit" ? "Submit the report for review (partner)" : "Approve a submitted report (administration); its figures are then locked");

    private static void MapReportStep<TInput>(RouteGroupBuilder r, string name, Func<ClaimsPrincipal, Partnership, Refusal?> permission, Func<ResultReport, TInput, Actor, Refusal?> step) =>
        r.MapPost($"/{name}", async Task<Results<Ok<ReportView>, NotFound, ProblemHttpResult>> (int id, TInput input, ClaimsPrincipal user,
            PartnershipAccess access, AppDbContext db, IStringLocalizer<Texts> t, IConfiguration config, TimeProvider clock) =>
            await Reports.RunAsync(id, user, access, db, t, config, permission, report => step(report, input, AgreementEditing.ActorOf(user, clock))))
            .WithSummary(name == "figures" ? "Record a figure in a draft or returned report" : "Return a submitted report with a comment (administration)");
}

/// <summary>What the results pages and the API share.</summary>
public static class Reports
{
    public static int Threshold(IConfiguration config) => config.GetValue("Samverka:SuppressionThreshold", Suppression.DefaultThreshold);

    public static async Task<(ResultReport? Report, Refusal? Refusal)> CreateAsync(AppDbContext db, ClaimsPrincipal user, Partnership partnership, ReportInput input)
    {
        if (Recording.CanReport(user, partnership) is { } denied)
        {
            return (null, denied);
        }
        var agreement = await db.Agreements.Include(a => a.Goals).ThenInclude(g => g.ExpectedResults)
            .FirstOrDefaultAsync(a => a.Id == input.AgreementId && a.PartnershipId == partnership.Id);
        if (agreement is null)
        {
            return (null, new Refusal("Choose one of the partnership's agreements."));
        }
        if (agreement.Stage < AgreementStage.Signed)
        {
            return (null, new Refusal("Figures are reported for a signed agreement."));
        }
        if (ResultReport.CheckPeriod(input.PeriodStart, input.PeriodEnd, agreement) is { } bad)
        {
            return (null, bad);
        }
        var report = new ResultReport { PartnershipId = partnership.Id, Agreement = agreement, PeriodStart = input.PeriodStart, PeriodEnd = input.PeriodEnd };
        db.ResultReports.Add(report);
        await db.SaveChangesAsync();
        return (report, null);
    }

    /// <summary>Loads a report the user may see, checks the permission, runs the step, saves; 404, 403 or 400 otherwise.</summary>
    public static async Task<Results<Ok<ReportView>, NotFound, ProblemHttpResult>> RunAsync(int id, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db,
        IStringLocalizer<Texts> t, IConfiguration config, Func<ClaimsPrincipal, Partnership, Refusal?> permission, Func<ResultReport, Refusal?> step)
    {
        var report = await (await Recording.VisibleReportsAsync(access, db, user)).WithFigures().FirstOrDefaultAsync(x => x.Id == id);
        if (report is null)
        {
            return TypedResults.NotFound();
        }
        if (permission(user, report.Agreement.Partnership) is { } denied)
        {
            return TypedResults.Problem(t.Say(denied), statusCode: StatusCodes.Status403Forbidden);
        }
        if (step(report) is { } refused)
        {
            return ApiProblems.Refused(refused, t);
        }
        report.Touch();
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiProblems.Conflict(t);
        }
        return TypedResults.Ok(ReportView.From(report, true, Threshold(config)));
    }
}
