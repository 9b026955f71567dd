using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Results;

public sealed record ReportInput(int? AgreementId, DateOnly? PeriodStart, DateOnly? PeriodEnd);
public sealed record ReviewInput(Guid? Version);
public sealed record ReturnInput(string? Comment, Guid? Version);
public sealed record CorrectionInput(FigureInput? Figure, string? Reason, Guid? Version);
public sealed record ExplanationInput(int? TargetId, int? Year, string? Text);

/// <summary>Events of a report's review; the outbox gets their ids.</summary>
public abstract record ReportHappened([property: JsonIgnore] ResultReport Report) : IDomainEvent
{
    public int ReportId => Report.Id;
    public int PartnershipId => Report.PartnershipId;
    public int AgreementId => Report.AgreementId;
}

public sealed record ReportSubmitted(ResultReport Report) : ReportHappened(Report);
public sealed record ReportReturned(ResultReport Report) : ReportHappened(Report);

/// <summary>The administration approved the figures: they are locked and the partner's account is official.</summary>
public sealed record ReportApproved(ResultReport Report, string ApprovedBy) : ReportHappened(Report);

/// <summary>
/// Every step of a result report, written once for the pages, the API and the spreadsheet import: the partner (or the
/// administration) records figures and submits (<see cref="PartnershipOperation.Report"/>); the administration approves,
/// returns and corrects (<see cref="PartnershipOperation.Review"/>).
/// </summary>
public sealed class ReportSteps(StepRunner runner, PartnershipAccess access)
{
    private AppDbContext Db => runner.Db;

    private Task<ResultReport?> LoadAsync(ClaimsPrincipal user, int id) => Recording.FindForRecordingAsync(access, Db, user, id);

    private Task<Outcome<ResultReport>> Step(ClaimsPrincipal user, int id, PartnershipOperation operation, Guid? version, Func<ResultReport, StepContext, Outcome<ResultReport>> step) =>
        runner.RunAsync(user, () => LoadAsync(user, id), r => r.Agreement.Partnership, operation, version, (r, ctx) => Task.FromResult(step(r, ctx)));

    /// <summary>
    /// Why a target stands as it does in a year (the words beside its figures in the follow-up), by those who report;
    /// one per target and year, replaced when written again.
    /// </summary>
    public Task<Outcome<TargetExplanation>> ExplainAsync(ClaimsPrincipal user, int agreementId, ExplanationInput input) =>
        runner.RunAddingAsync(user,
            async () => await (await access.VisibleAgreementsAsync(user)).Include(a => a.Partnership).Include(a => a.Goals).ThenInclude(g => g.ExpectedResults)
                .FirstOrDefaultAsync(a => a.Id == agreementId),
            a => a.Partnership, PartnershipOperation.Report, async (Agreement agreement, StepContext ctx) =>
            {
                var check = new InputCheck().Required("targetId", input.TargetId).Required("year", input.Year)
                    .Text("text", input.Text, TextLimit.Medium, required: true, multiline: true);
                if (input.TargetId is { } targetId && !agreement.Goals.SelectMany(g => g.ExpectedResults).Any(r => r.Id == targetId))
                {
                    check.Add("targetId", new Message("Choose one of the agreement's goals."));
                }
                var lastYear = (agreement.LatestExtensionDate ?? agreement.EndDate).Year;
                if (input.Year is { } year && (year < agreement.StartDate.Year || year > Math.Max(lastYear, agreement.EndDate.Year)))
                {
                    check.Add("year", new Message("The value is not valid here."));
                }
                if (!check.IsValid)
                {
                    return Outcome.Invalid(check.Problems);
                }
                var explanation = await Db.Set<TargetExplanation>().FirstOrDefaultAsync(e => e.ExpectedResultId == input.TargetId && e.Year == input.Year);
                if (explanation is null)
                {
                    Db.Add(explanation = new TargetExplanation { ExpectedResultId = input.TargetId!.Value, Year = input.Year!.Value, Text = "" });
                }
                var text = input.Text!.Trim();
                if (explanation.Text != text)
                {
                    // The same words again change nothing: no new time, no audit entry.
                    explanation.Text = text;
                    explanation.RecordedAt = ctx.Actor.At;
                    explanation.RecordedByName = ctx.Actor.Name;
                }
                return Outcome.Done(explanation);
            });

    /// <summary>Opens a reporting period for one of the partnership's signed agreements.</summary>
    public Task<Outcome<ResultReport>> CreateAsync(ClaimsPrincipal user, int partnershipId, ReportInput input) =>
        runner.RunAddingAsync(user, async () => await (await access.VisibleAsync(user)).FirstOrDefaultAsync(p => p.Id == partnershipId), p => p, PartnershipOperation.Report,
            async (Partnership partnership, StepContext ctx) =>
            {
                var check = new InputCheck().Required("agreementId", input.AgreementId).Required("periodStart", input.PeriodStart).Required("periodEnd", input.PeriodEnd);
                if (!check.IsValid)
                {
                    return Outcome.Invalid(check.Problems);
                }
                var agreement = await Db.Agreements.Include(a => a.Goals).ThenInclude(g => g.ExpectedResults)
                    .FirstOrDefaultAsync(a => a.Id == input.AgreementId && a.PartnershipId == partnership.Id);
                if (agreement is null)
                {
                    return Outcome.Invalid("agreementId", new Message("Choose one of the partnership's agreements."));
                }
                if (agreement.Stage < AgreementStage.Signed)
                {
                    return Outcome.Refused(new Message("Figures are reported for a signed agreement."));
                }
                if (ResultReport.CheckPeriod(input.PeriodStart!.Value, input.PeriodEnd!.Value, agreement) is { } bad)
                {
                    return Outcome.Invalid("periodEnd", bad);
                }
                var report = new ResultReport { PartnershipId = partnership.Id, Agreement = agreement, PeriodStart = input.PeriodStart.Value, PeriodEnd = input.PeriodEnd.Value };
                Db.ResultReports.Add(report);
                return Outcome.Done(report);
            });

    public Task<Outcome<ResultReport>> AddFigureAsync(ClaimsPrincipal user, int id, FigureInput input) =>
        Step(user, id, PartnershipOperation.Report, input.Version, (r, ctx) =>
            CheckFigure(input, "") is { IsValid: false } check ? Outcome.Invalid(check.Problems) : Outcome.Of(r, Recording.Add(r, input, ctx.Actor)));

    public Task<Outcome<ResultReport>> RemoveFigureAsync(ClaimsPrincipal user, int id, int figureId, Guid? version) =>
        Step(user, id, PartnershipOperation.Report, version, (r, ctx) =>
            r.Figures.FirstOrDefault(f => f.Id == figureId) is { } figure ? Outcome.Of(r, r.Remove(figure)) : Outcome.NotFound);

    public Task<Outcome<ResultReport>> SubmitAsync(ClaimsPrincipal user, int id, ReviewInput input) =>
        Step(user, id, PartnershipOperation.Report, input.Version, (r, ctx) => Outcome.Of(r, r.Submit(ctx.Actor)));

    public Task<Outcome<ResultReport>> ApproveAsync(ClaimsPrincipal user, int id, ReviewInput input) =>
        Step(user, id, PartnershipOperation.Review, input.Version, (r, ctx) => Outcome.Of(r, r.Approve(ctx.Actor)));

    public Task<Outcome<ResultReport>> ReturnAsync(ClaimsPrincipal user, int id, ReturnInput input) =>
        Step(user, id, PartnershipOperation.Review, input.Version, (r, ctx) =>
            new InputCheck().Text("comment", input.Comment, TextLimit.Medium, multiline: true) is { IsValid: false } check ? Outcome.Invalid(check.Problems)
            : Outcome.Of(r, r.Return(input.Comment, ctx.Actor)));

    /// <summary>Corrects an approved figure: the new value stands beside the old one, with the reason. Kind and (when left out) the date follow the original.</summary>
    public Task<Outcome<ResultReport>> CorrectAsync(ClaimsPrincipal user, int id, int figureId, CorrectionInput input) =>
        Step(user, id, PartnershipOperation.Review, input.Version, (r, ctx) =>
        {
            if (r.Figures.FirstOrDefault(f => f.Id == figureId) is not { } original)
            {
                return Outcome.NotFound;
            }
            if (input.Figure is not { } figure)
            {
                return Outcome.Invalid("figure", InputCheck.RequiredMessage);
            }
            figure = figure.With(f =>
            {
                f.Kind = original.Kind;
                f.From = f.From == default ? original.From : f.From;
            });
            var check = CheckFigure(figure, "figure.").Text("reason", input.Reason, TextLimit.Medium, multiline: true);
            return !check.IsValid ? Outcome.Invalid(check.Problems)
                : Outcome.Of(r, Recording.CheckTargets(r, figure, correction: true) ?? r.Correct(original, figure.ToFigure(), input.Reason, ctx.Actor));
        });

    /// <summary>Records every figure of an uploaded template, or none: all rows are checked before any is recorded.</summary>
    public Task<Outcome<ResultReport>> ImportAsync(ClaimsPrincipal user, int id, IReadOnlyList<FigureInput> figures, Guid? version) =>
        Step(user, id, PartnershipOperation.Report, version, (r, ctx) =>
        {
            if (figures.Count == 0)
            {
                return Outcome.Invalid("file", new Message("The file has no figures."));
            }
            var problems = Spreadsheets.Check(r, figures);
            if (problems.Count > 0)
            {
                return Outcome.Invalid(problems.Select(p => new FieldProblem(p.Row == 0 ? "file" : $"row {p.Row}{(p.Column.Length > 0 ? ", " + p.Column : "")}", p.Message)));
            }
            return Outcome.Of(r, Imports.Save(r, figures, ctx.Actor));
        });

    /// <summary>The figure's own texts and required date; the figure's rules (sums, shares) are the report's.</summary>
    private static InputCheck CheckFigure(FigureInput f, string prefix)
    {
        var check = new InputCheck()
            .Text(prefix + "title", f.Title, TextLimit.Short)
            .Text(prefix + "question", f.Question, TextLimit.Description, multiline: true)
            .Text(prefix + "note", f.Note, TextLimit.Medium, multiline: true);
        if (f.From == default)
        {
            check.Add(prefix + "from", InputCheck.RequiredMessage);
        }
        if (!Enum.IsDefined(f.Kind))
        {
            check.Add(prefix + "kind", new Message("The value is not valid here."));
        }
        return check;
    }
}
