using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Agreements;

namespace Samverka.Web.Features.Results;

public sealed record FulfilmentView(int AgreementId, string AgreementTitle, int? Year, DateOnly From, DateOnly To, IReadOnlyList<GoalResult> Goals);

public static class Fulfilment
{
    /// <summary>Approved figures that no correction has replaced.</summary>
    public static IQueryable<Figure> Counting(this AppDbContext db, int agreementId) =>
        db.Set<Figure>().Where(f =>
            db.Set<ResultReport>().Any(r => r.Id == f.ReportId && r.AgreementId == agreementId && r.Status == ReportStatus.Approved)
            && !db.Set<Figure>().Any(c => c.CorrectsFigureId == f.Id));

    /// <summary>Goal fulfilment of one agreement for a year (or its whole period when year is null), as of today.</summary>
    public static async Task<FulfilmentView> ForAgreementAsync(AppDbContext db, int agreementId, int? year, DateOnly today)
    {
        var agreement = await db.Agreements.AsNoTracking()
            .Include(a => a.Goals).ThenInclude(g => g.ExpectedResults)
            .AsSplitQuery()
            .SingleAsync(a => a.Id == agreementId);
        var from = year is { } y ? Max(new DateOnly(y, 1, 1), agreement.StartDate) : agreement.StartDate;
        var to = year is { } y2 ? Min(new DateOnly(y2, 12, 31), agreement.EndDate) : agreement.EndDate;

        var figures = await db.Counting(agreementId)
            .Where(f => f.From >= from && f.From <= to)
            .Select(f => new
            {
                Fact = new FigureFact(f.Id, f.Kind, f.EventKind, f.From, f.To, f.Title,
                    f.Kind == FigureKind.Participants ? f.Started : f.Kind == FigureKind.Survey || f.Kind == FigureKind.GenderSplit ? null : f.Total,
                    f.Women, f.Men, f.MenPercent, f.WomenPercent, f.AgreeBeforePercent, f.AgreeAfterPercent, f.Respondents),
                Targets = f.Targets.Select(t => t.ExpectedResultId).ToList(),
            })
            .ToListAsync();
        var byTarget = figures.SelectMany(f => f.Targets.Select(t => (Target: t, f.Fact)))
            .ToLookup(x => x.Target, x => x.Fact);

        var targetIds = agreement.Goals.SelectMany(g => g.ExpectedResults).Select(r => r.Id).ToList();
        var explanationYear = year ?? to.Year;
        var explanations = await db.Set<TargetExplanation>().AsNoTracking()
            .Where(e => targetIds.Contains(e.ExpectedResultId) && (year == null || e.Year == explanationYear))
            .OrderBy(e => e.Year)
            .ToListAsync();

        var goals = agreement.Goals.OrderBy(g => g.Number).Select(g =>
        {
            var targets = g.ExpectedResults.OrderBy(r => r.SortOrder).Select(r =>
            {
                var text = explanations.Where(e => e.ExpectedResultId == r.Id).Select(e => year is null ? $"{e.Year}: {e.Text}" : e.Text).ToList();
                return GoalFulfilment.Evaluate(r, [.. byTarget[r.Id]], to, today, text.Count == 0 ? null : string.Join("\n", text));
            }).ToList();
            return new GoalResult(g.Id, g.Number, g.Title, GoalFulfilment.Combine(targets.Select(t => t.Status)), targets);
        }).ToList();
        return new FulfilmentView(agreement.Id, agreement.Title, year, from, to, goals);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
