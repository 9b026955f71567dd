using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Accounts;
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

public sealed record ImportResult(int Figures, bool Saved, List<FigureInput> Preview);

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
            if (Recording.CanReport(user, partnership) is { } denied)
            {
                return TypedResults.Problem(t.Say(denied), statusCode: StatusCodes.Status403Forbidden);
            }
            var (report, refusal) = await Reports.CreateAsync(db, user, partnership, input);
            if (refusal is not null)
            {
                return ApiProblems.Refused(refusal, t);
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
            PartnershipAccess access, AppDbContext db, IStringLocalizer<Texts> t, IConfiguration config, IFileStore files, TimeProvider clock) =>
            await Reports.RunAsync(id, user, access, db, t, config, files, clock, Recording.CanReport, report =>
                report.Figures.FirstOrDefault(f => f.Id == figureId) is { } figure ? report.Remove(figure) : new Message("No such figure in this report.")))
            .WithSummary("Remove a figure from a draft or returned report");

        r.MapPost("/figures/{figureId:int}/correct", async Task<Results<Ok<ReportView>, NotFound, ProblemHttpResult>> (int id, int figureId, CorrectionInput input, ClaimsPrincipal user,
            PartnershipAccess access, AppDbContext db, IStringLocalizer<Texts> t, IConfiguration config, TimeProvider clock, IFileStore files) =>
            await Reports.RunAsync(id, user, access, db, t, config, files, clock, Recording.CanReview, report =>
                report.Figures.FirstOrDefault(f => f.Id == figureId) is not { } original ? new Message("No such figure in this report.")
                : Recording.CheckTargets(report, input.Figure) ?? report.Correct(original, input.Figure.ToFigure(), input.Reason, Actor.Of(user, clock))))
            .WithSummary("Correct an approved figure: the new value stands beside the old one, with the reason");

        api.MapGet("/agreements/{id:int}/template", async Task<Results<FileContentHttpResult, NotFound>> (int id, ClaimsPrincipal user, PartnershipAccess access) =>
            await (await access.VisibleAgreementsAsync(user)).AsNoTracking().Include(a => a.Goals).ThenInclude(g => g.ExpectedResults).FirstOrDefaultAsync(a => a.Id == id) is { } a
                ? TypedResults.File(Spreadsheets.Template(a), Spreadsheets.XlsxType, $"rapportmall-{a.Id}.xlsx")
                : TypedResults.NotFound())
            .WithTags("Results").WithSummary("The reporting template (XLSX) for an agreement, with its target codes");

        api.MapGet("/agreements/{id:int}/figures", async Task<Results<FileContentHttpResult, NotFound>> (int id, int? year, string? format, ClaimsPrincipal user,
            PartnershipAccess access, AppDbContext db, IConfiguration config) =>
        {
            var a = await (await access.VisibleAgreementsAsync(user)).AsNoTracking().Include(x => x.Goals).ThenInclude(g => g.ExpectedResults).FirstOrDefaultAsync(x => x.Id == id);
            if (a is null)
            {
                return TypedResults.NotFound();
            }
            var reports = await (await Recording.VisibleReportsAsync(access, db, user)).AsNoTracking().Where(r => r.AgreementId == id).WithFigures().ToListAsync();
            var exact = Recording.SeesExactFigures(user);
            var rows = reports.SelectMany(r => ReportView.From(r, exact, Reports.Threshold(config)).Figures.Select(f => (f, r.Status)))
                .Where(x => year is null || x.f.From.Year == year).OrderBy(x => x.f.From).ThenBy(x => x.f.Id).ToList();
            var name = $"uppgifter-{a.Id}{(year is null ? "" : "-" + year)}";
            return string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
                ? TypedResults.File(Spreadsheets.Csv(a, rows), "text/csv; charset=utf-8", name + ".csv")
                : TypedResults.File(Spreadsheets.Workbook(a, rows), Spreadsheets.XlsxType, name + ".xlsx");
        }).WithTags("Results").WithSummary("The figures of an agreement (a year or all) as XLSX or CSV (semicolon-separated, UTF-8 with BOM)");

        // Multipart upload: the auth cookie is SameSite=Lax, so a cross-site form cannot post it; API clients use a token.
        r.MapPost("/import", async Task<Results<Ok<ImportResult>, NotFound, ProblemHttpResult, ValidationProblem>> (int id, IFormFile? file, bool? confirm, ClaimsPrincipal user,
            PartnershipAccess access, AppDbContext db, IStringLocalizer<Texts> t, IConfiguration config, TimeProvider clock) =>
        {
            var report = await (await Recording.VisibleReportsAsync(access, db, user)).WithFigures().FirstOrDefaultAsync(x => x.Id == id);
            if (report is null)
            {
                return TypedResults.NotFound();
            }
            if (Recording.CanReport(user, report.Agreement.Partnership) is { } denied)
            {
                return TypedResults.Problem(t.Say(denied), statusCode: StatusCodes.Status403Forbidden);
            }
            var (figures, problems) = file is { Length: > Spreadsheets.MaxBytes }
                ? ([], [new SheetProblem(0, "", new Message("The file is larger than {0} MB.", Spreadsheets.MaxBytes / 1024 / 1024))])
                : Imports.Prepare(report, file is null ? [] : await ReadAsync(file));
            if (problems.Count > 0)
            {
                return TypedResults.ValidationProblem(
                    problems.GroupBy(p => p.Row == 0 ? "file" : $"row {p.Row}{(p.Column.Length > 0 ? ", " + p.Column : "")}")
                        .ToDictionary(g => g.Key, g => g.Select(p => Imports.Describe(p, t)).ToArray()),
                    title: t["The input has errors; nothing was saved."]);
            }
            if (confirm == true)
            {
                if (Imports.Save(report, figures, Actor.Of(user, clock)) is { } refused)
                {
                    return ApiProblems.Refused(refused, t);
                }
                report.Touch();
                await db.SaveChangesAsync();
            }
            return TypedResults.Ok(new ImportResult(figures.Count, confirm == true, [.. figures]));
        }).DisableAntiforgery().WithSummary("Import figures from the XLSX template: without confirm=true it only checks and previews");

        api.MapGet("/agreements/{id:int}/fulfilment", async Task<Results<Ok<FulfilmentView>, NotFound>> (int id, int? year, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, TimeProvider clock) =>
            await (await access.VisibleAgreementsAsync(user)).AnyAsync(a => a.Id == id)
                ? TypedResults.Ok(await Fulfilment.ForAgreementAsync(db, id, year, clock.Today()))
                : TypedResults.NotFound())
            .WithTags("Results").WithSummary("Goal fulfilment per target and goal, for a year or the whole agreement");
    }

    public static async Task<byte[]> ReadAsync(IFormFile file)
    {
        using var stream = new MemoryStream();
        await file.CopyToAsync(stream);
        return stream.ToArray();
    }

    private static void MapReportAction(RouteGroupBuilder r, string name, Func<ClaimsPrincipal, Partnership, Message?> permission, Func<ResultReport, Actor, Message?> step) =>
        r.MapPost($"/{name}", async Task<Results<Ok<ReportView>, NotFound, ProblemHttpResult>> (int id, ClaimsPrincipal user,
            PartnershipAccess access, AppDbContext db, IStringLocalizer<Texts> t, IConfiguration config, TimeProvider clock, IFileStore files) =>
            await Reports.RunAsync(id, user, access, db, t, config, files, clock, permission, report => step(report, Actor.Of(user, clock))))
            .WithSummary(name == "submit" ? "Submit the report for review (partner)" : "Approve a submitted report (administration); its figures are then locked");

    private static void MapReportStep<TInput>(RouteGroupBuilder r, string name, Func<ClaimsPrincipal, Partnership, Message?> permission, Func<ResultReport, TInput, Actor, Message?> step) =>
        r.MapPost($"/{name}", async Task<Results<Ok<ReportView>, NotFound, ProblemHttpResult>> (int id, TInput input, ClaimsPrincipal user,
            PartnershipAccess access, AppDbContext db, IStringLocalizer<Texts> t, IConfiguration config, TimeProvider clock, IFileStore files) =>
            await Reports.RunAsync(id, user, access, db, t, config, files, clock, permission, report => step(report, input, Actor.Of(user, clock))))
            .WithSummary(name == "figures" ? "Record a figure in a draft or returned report" : "Return a submitted report with a comment (administration)");
}

/// <summary>Importing the spreadsheet: all rows valid, or nothing is saved.</summary>
public static class Imports
{
    public static (List<FigureInput> Figures, List<SheetProblem> Problems) Prepare(ResultReport report, byte[] bytes)
    {
        if (!report.IsEditable)
        {
            return ([], [new(0, "", new Message("The report is approved: its figures are locked. Record a correction instead."))]);
        }
        var parsed = Spreadsheets.Read(bytes, report.Agreement);
        if (parsed.Problems.Count > 0)
        {
            return ([], parsed.Problems);
        }
        var problems = Spreadsheets.Check(report, parsed.Figures, parsed.Rows);
        return problems.Count > 0 ? ([], problems) : (parsed.Figures, []);
    }

    public static Message? Save(ResultReport report, IReadOnlyList<FigureInput> figures, Actor by)
    {
        foreach (var f in figures)
        {
            if (Recording.Add(report, f, by) is { } refused)
            {
                return refused;
            }
        }
        return null;
    }

    public static string Describe(SheetProblem p, Microsoft.Extensions.Localization.IStringLocalizer t) =>
        p.Row == 0 ? t.Say(p.Message)
        : p.Column.Length > 0 ? t["Row {0}, column {1}: {2}", p.Row, p.Column, t.Say(p.Message)]
        : t["Row {0}: {1}", p.Row, t.Say(p.Message)];
}

/// <summary>What the results pages and the API share.</summary>
public static class Reports
{
    /// <summary>An approved report is the partner's account to the administration: registered in the case with its figures as XLSX.</summary>
    public static async Task RegisterIfApprovedAsync(AppDbContext db, IFileStore files, ResultReport report, ReportStatus before, string by, TimeProvider clock)
    {
        if (before != ReportStatus.Approved && report.Status == ReportStatus.Approved)
        {
            var organisation = await db.Partnerships.Where(p => p.Id == report.PartnershipId).Select(p => p.Organisation.Name).SingleAsync();
            var view = ReportView.From(report, true, Suppression.DefaultThreshold);
            var xlsx = Spreadsheets.Workbook(report.Agreement, view.Figures.Select(f => (f, report.Status)));
            await Registry.Registration.RegisterGeneratedAsync(db, files, report.PartnershipId, Registry.DocumentKind.PartnerReport, Registry.Direction.Received, organisation,
                $"Redovisade uppgifter {Format.Date(report.PeriodStart)} – {Format.Date(report.PeriodEnd)}, godkända", by, clock,
                $"uppgifter-{report.PeriodStart:yyyy-MM-dd}.xlsx", xlsx, Spreadsheets.XlsxType);
        }
    }

    public static int Threshold(IConfiguration config) => config.GetValue("Samverka:SuppressionThreshold", Suppression.DefaultThreshold);

    public static async Task<(ResultReport? Report, Message? Message)> CreateAsync(AppDbContext db, ClaimsPrincipal user, Partnership partnership, ReportInput input)
    {
        if (Recording.CanReport(user, partnership) is { } denied)
        {
            return (null, denied);
        }
        var agreement = await db.Agreements.Include(a => a.Goals).ThenInclude(g => g.ExpectedResults)
            .FirstOrDefaultAsync(a => a.Id == input.AgreementId && a.PartnershipId == partnership.Id);
        if (agreement is null)
        {
            return (null, new Message("Choose one of the partnership's agreements."));
        }
        if (agreement.Stage < AgreementStage.Signed)
        {
            return (null, new Message("Figures are reported for a signed agreement."));
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
        IStringLocalizer<Texts> t, IConfiguration config, IFileStore files, TimeProvider clock, Func<ClaimsPrincipal, Partnership, Message?> permission, Func<ResultReport, Message?> step)
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
        var before = report.Status;
        if (step(report) is { } refused)
        {
            return ApiProblems.Refused(refused, t);
        }
        await RegisterIfApprovedAsync(db, files, report, before, user.DisplayNameOf(), clock);
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
