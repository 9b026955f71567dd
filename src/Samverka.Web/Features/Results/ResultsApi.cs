using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Results;

public sealed record ReportRow(int Id, int AgreementId, DateOnly PeriodStart, DateOnly PeriodEnd, ReportStatus Status, int Figures);

/// <summary>A figure as a user may see it.</summary>
public sealed class FigureView : FigureValueSet
{
    public int Id { get; init; }
    public FigureKind Kind { get; init; }
    /// <summary>The code of the event's kind on the agreement's list (GET /api/agreements/{id}/categories names them).</summary>
    public string? EventKind { get; init; }
    /// <summary>The code of the outcome's kind on the agreement's list.</summary>
    public string? OutcomeKind { get; init; }
    public DateOnly From { get; init; }
    public DateOnly To { get; init; }
    public string? Title { get; init; }
    public string? Note { get; init; }
    public int? CorrectsFigureId { get; init; }
    public string? CorrectionReason { get; init; }
    public int? CorrectedById { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public string RecordedBy { get; init; } = "";
    public List<int> TargetIds { get; init; } = [];
    /// <summary>The names of the values withheld because they are too small to show to this user.</summary>
    public List<string> Suppressed { get; init; } = [];

    /// <summary>The figure as a user may see it: exact for the partnership's own users, suppressed for anyone else.</summary>
    public static FigureView Of(Figure f, int? correctedBy, bool exact, int threshold)
    {
        var view = f.CopyTo(new FigureView
        {
            Id = f.Id,
            Kind = f.Kind,
            EventKind = f.EventKind,
            OutcomeKind = f.OutcomeKind,
            From = f.From,
            To = f.To,
            Title = f.Title,
            Note = f.Note,
            CorrectsFigureId = f.CorrectsFigureId,
            CorrectionReason = f.CorrectionReason,
            CorrectedById = correctedBy,
            RecordedAt = f.RecordedAt,
            RecordedBy = f.RecordedByName,
            TargetIds = [.. f.Targets.Select(t => t.ExpectedResultId)],
        });
        if (!exact)
        {
            var g = Suppression.TotalAndParts(f.Total, [f.Women, f.Men, f.OtherGender], threshold);
            var a = Suppression.TotalAndParts(f.Total, [.. f.Ages.Select(x => x.Count), f.AgeNotStated], threshold);
            var p = Suppression.TotalAndParts(f.Started, [f.Completed], threshold);
            int? Keep(Cell c, string name) { if (c.Hidden) { view.Suppressed.Add(name); } return c.Hidden ? null : c.Value; }
            view.Total = Keep(g[0].Hidden || a[0].Hidden ? new Cell(null, true) : g[0], "total");
            view.Women = Keep(g[1], "women"); view.Men = Keep(g[2], "men"); view.OtherGender = Keep(g[3], "otherGender");
            for (var i = 0; i < view.Ages.Count; i++)
            {
                view.Ages[i].Count = Keep(a[i + 1], "ages." + view.Ages[i].Code);
            }
            view.AgeNotStated = Keep(a[^1], "ageNotStated");
            view.Started = Keep(p[0], "started"); view.Completed = Keep(p[1], "completed");
            view.Respondents = Keep(Suppression.One(f.Respondents, threshold), "respondents");
        }
        return view;
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

/// <summary>The words beside a target's figures for a year, as the fulfilment shows them.</summary>
public sealed record ExplanationView(int TargetId, int Year, string Text, DateTimeOffset RecordedAt, string RecordedBy);

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

        p.MapPost("/", async Task<Results<Created<ReportView>, ProblemHttpResult, ValidationProblem>> (int partnershipId, ReportInput? input, ClaimsPrincipal user,
            ReportSteps steps, IStringLocalizer<Texts> t, IConfiguration config) =>
            (input is null ? MissingBody : await steps.CreateAsync(user, partnershipId, input))
                .ToCreated(t, report => $"/api/reports/{report.Id}", report => ReportView.From(report, true, Reports.Threshold(config))))
            .WithSummary("Open a reporting period for one of the partnership's agreements");

        var r = api.MapGroup("/reports/{id:int}").WithTags("Results");
        r.MapGet("/", async Task<Results<Ok<ReportView>, NotFound>> (int id, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db, IConfiguration config) =>
            await (await Recording.VisibleReportsAsync(access, db, user)).AsNoTracking().WithFigures().FirstOrDefaultAsync(x => x.Id == id) is { } report
                ? TypedResults.Ok(ReportView.From(report, Recording.SeesExactFigures(user), Reports.Threshold(config)))
                : TypedResults.NotFound())
            .WithSummary("A reporting period with its figures (suppressed for users outside the partnership)");

        MapReportStep<FigureInput>(r, "figures", "Record a figure in a draft or returned report", (s, u, id, x) => s.AddFigureAsync(u, id, x));
        MapReportStep<ReviewInput>(r, "submit", "Submit the report for review (partner)", (s, u, id, x) => s.SubmitAsync(u, id, x));
        MapReportStep<ReviewInput>(r, "approve", "Approve a submitted report (administration); its figures are then locked", (s, u, id, x) => s.ApproveAsync(u, id, x));
        MapReportStep<ReturnInput>(r, "return", "Return a submitted report with a comment (administration)", (s, u, id, x) => s.ReturnAsync(u, id, x));

        r.MapDelete("/figures/{figureId:int}", async Task<Results<Ok<ReportView>, ProblemHttpResult, ValidationProblem>> (int id, int figureId, Guid? version, ClaimsPrincipal user,
            ReportSteps steps, IStringLocalizer<Texts> t, IConfiguration config) =>
            (await steps.RemoveFigureAsync(user, id, figureId, version)).ToOk(t, report => ReportView.From(report, true, Reports.Threshold(config))))
            .WithSummary("Remove a figure from a draft or returned report; send the version you read as ?version=");

        r.MapPost("/figures/{figureId:int}/correct", async Task<Results<Ok<ReportView>, ProblemHttpResult, ValidationProblem>> (int id, int figureId, CorrectionInput? input, ClaimsPrincipal user,
            ReportSteps steps, IStringLocalizer<Texts> t, IConfiguration config) =>
            (input is null ? MissingBody : await steps.CorrectAsync(user, id, figureId, input)).ToOk(t, report => ReportView.From(report, true, Reports.Threshold(config))))
            .WithSummary("Correct an approved figure: the new value stands beside the old one, with the reason");

        api.MapGet("/agreements/{id:int}/template", async Task<Results<FileContentHttpResult, NotFound>> (int id, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db) =>
            await (await access.VisibleAgreementsAsync(user)).AsNoTracking().Include(a => a.Goals).ThenInclude(g => g.ExpectedResults).FirstOrDefaultAsync(a => a.Id == id) is { } a
                ? TypedResults.File(Spreadsheets.Template(a, await ReportingCategorySteps.ForAgreementAsync(db, a.Id)), Spreadsheets.XlsxType, $"rapportmall-{a.Id}.xlsx")
                : TypedResults.NotFound())
            .WithTags("Results").WithSummary("The reporting template (XLSX) for an agreement, with its target codes");

        api.MapGet("/agreements/{id:int}/figures", async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> (int id, int? year, string? format, ClaimsPrincipal user,
            PartnershipAccess access, AppDbContext db, IConfiguration config, IStringLocalizer<Texts> t) =>
        {
            var a = await (await access.VisibleAgreementsAsync(user)).AsNoTracking().Include(x => x.Goals).ThenInclude(g => g.ExpectedResults).FirstOrDefaultAsync(x => x.Id == id);
            if (a is null)
            {
                return TypedResults.NotFound();
            }
            if ((Spreadsheets.CheckFormat(format) ?? Fulfilment.CheckYear(a, year)) is { } bad)
            {
                return ApiOutcomes.Problem(Outcome.Refused(bad), t);
            }
            var reports = await (await Recording.VisibleReportsAsync(access, db, user)).AsNoTracking().Where(r => r.AgreementId == id).WithFigures().ToListAsync();
            var exact = Recording.SeesExactFigures(user);
            var rows = reports.SelectMany(r => ReportView.From(r, exact, Reports.Threshold(config)).Figures.Select(f => (f, r.Status)))
                .Where(x => year is null || x.f.From.Year == year).OrderBy(x => x.f.From).ThenBy(x => x.f.Id).ToList();
            var name = $"uppgifter-{a.Id}{(year is null ? "" : "-" + year)}";
            var lists = await ReportingCategorySteps.ForAgreementAsync(db, a.Id);
            return string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
                ? TypedResults.File(Spreadsheets.Csv(a, lists, rows), "text/csv; charset=utf-8", name + ".csv")
                : TypedResults.File(Spreadsheets.Workbook(a, lists, rows), Spreadsheets.XlsxType, name + ".xlsx");
        }).WithTags("Results").WithSummary("The figures of an agreement (a year or all) as XLSX or CSV (semicolon-separated, UTF-8 with BOM)");

        // Multipart upload: the auth cookie is SameSite=Lax, so a cross-site form cannot post it; API clients use a token.
        r.MapPost("/import", async Task<Results<Ok<ImportResult>, ProblemHttpResult, ValidationProblem>> (int id, IFormFile? file, bool? confirm, Guid? version, ClaimsPrincipal user,
            PartnershipAccess access, AppDbContext db, ReportSteps steps, IStringLocalizer<Texts> t) =>
        {
            var report = await Recording.FindForRecordingAsync(access, db, user, id, tracked: false);
            if (report is null)
            {
                return ApiOutcomes.NotFound(t);
            }
            if (Recording.CanReport(user, report.Agreement.Partnership) is { } denied)
            {
                return ApiOutcomes.Problem(Outcome.Forbidden(denied), t);
            }
            var (figures, problems) = file is { Length: > Spreadsheets.MaxBytes }
                ? ([], [new SheetProblem(0, "", new Message("The file is larger than {0} MB.", Spreadsheets.MaxBytes / 1024 / 1024))])
                : Imports.Prepare(report, file is null ? [] : await ReadAsync(file));
            if (problems.Count > 0)
            {
                return TypedResults.ValidationProblem(
                    problems.GroupBy(p => p.Row == 0 ? "file" : $"row {p.Row}{(p.Column.Length > 0 ? ", " + p.Column : "")}")
                        .ToDictionary(g => g.Key, g => g.Select(p => Imports.Describe(p, t)).ToArray()),
                    title: t["The input has errors; nothing was saved."], type: ProblemTypes.Validation);
            }
            if (confirm == true)
            {
                var outcome = await steps.ImportAsync(user, id, figures, version);
                if (!outcome.IsDone)
                {
                    return outcome.Kind == OutcomeStatus.Invalid ? ApiOutcomes.Invalid(outcome.Failure, t) : ApiOutcomes.Problem(outcome.Failure, t);
                }
            }
            return TypedResults.Ok(new ImportResult(figures.Count, confirm == true, [.. figures]));
        }).DisableAntiforgery().WithSummary("Import figures from the XLSX template: without confirm=true it only checks and previews; with it, send the version you read as ?version=");

        api.MapGet("/agreements/{id:int}/fulfilment", async Task<Results<Ok<FulfilmentView>, NotFound, ProblemHttpResult>> (int id, int? year, ClaimsPrincipal user, PartnershipAccess access,
            AppDbContext db, TimeProvider clock, IStringLocalizer<Texts> t, IConfiguration config) =>
        {
            var a = await (await access.VisibleAgreementsAsync(user)).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
            if (a is null)
            {
                return TypedResults.NotFound();
            }
            return Fulfilment.CheckYear(a, year) is { } bad
                ? ApiOutcomes.Problem(Outcome.Refused(bad), t)
                : TypedResults.Ok(await Fulfilment.ForAgreementAsync(db, id, year, clock.Today(), Fulfilment.PartlyMetFromPercent(config)));
        })
            .WithTags("Results").WithSummary("Goal fulfilment per target and goal, for a year or the whole agreement");

        api.MapPost("/agreements/{id:int}/explanations", async Task<Results<Ok<ExplanationView>, ProblemHttpResult, ValidationProblem>> (int id, ExplanationInput? input,
            ClaimsPrincipal user, ReportSteps steps, IStringLocalizer<Texts> t) =>
            (input is null ? MissingBody : await steps.ExplainAsync(user, id, input))
                .ToOk(t, e => new ExplanationView(e.ExpectedResultId, e.Year, e.Text, e.RecordedAt, e.RecordedByName)))
            .WithTags("Results").WithSummary("Explain how a target stands in a year (partner or administration); one per target and year, replaced when written again");
    }

    public static async Task<byte[]> ReadAsync(IFormFile file)
    {
        using var stream = new MemoryStream();
        await file.CopyToAsync(stream);
        return stream.ToArray();
    }

    private static readonly Failure MissingBody = Outcome.Invalid("", new Message("Send the input as JSON in the request body."));

    /// <summary>A step on a report: the same <see cref="ReportSteps"/> as the page's buttons.</summary>
    private static void MapReportStep<TInput>(RouteGroupBuilder r, string name, string summary, Func<ReportSteps, ClaimsPrincipal, int, TInput, Task<Outcome<ResultReport>>> step) where TInput : class =>
        r.MapPost($"/{name}", async Task<Results<Ok<ReportView>, ProblemHttpResult, ValidationProblem>> (int id, TInput? input, ClaimsPrincipal user,
            ReportSteps steps, IStringLocalizer<Texts> t, IConfiguration config) =>
            (input is null ? MissingBody : await step(steps, user, id, input)).ToOk(t, report => ReportView.From(report, true, Reports.Threshold(config))))
            .WithSummary(summary);
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
        var parsed = Spreadsheets.Read(bytes, report.Agreement, report.Lists);
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
    public static int Threshold(IConfiguration config) => config.GetValue("Samverka:SuppressionThreshold", Suppression.DefaultThreshold);
}
