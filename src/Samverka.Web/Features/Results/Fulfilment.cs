using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Agreements;

namespace Samverka.Web.Features.Results;

/// <summary>
/// Goal fulfilment of one agreement. The gender figures and the target split feed the page's chart; they are not part of
/// the API's answer, which has them per target already.
/// </summary>
public sealed record FulfilmentView(int AgreementId, string AgreementTitle, int? Year, DateOnly From, DateOnly To, IReadOnlyList<GoalResult> Goals)
{
    [JsonIgnore] public IReadOnlyList<FigureFact> GenderFigures { get; init; } = [];
    [JsonIgnore] public decimal? GenderTargetMenPercent { get; init; }
}

public static class Fulfilment
{
    /// <summary>A year to judge or export lies within the agreement's period (an extension moves its end).</summary>
    public static Message? CheckYear(Agreement agreement, int? year) =>
        year is { } y && (y < agreement.StartDate.Year || y > agreement.EndDate.Year)
            ? new Message("There is no year {0} in this agreement: it runs {1}–{2}. Choose a year within it, or the whole agreement.", y, agreement.StartDate.Year, agreement.EndDate.Year)
            : null;

    /// <summary>Goal fulfilment of one agreement for a year (or its whole period when year is null), as of today.</summary>
    public static async Task<FulfilmentView> ForAgreementAsync(AppDbContext db, int agreementId, int? year, DateOnly today, decimal partlyMetFromPercent) =>
        (await ForAgreementsAsync(db, db.Agreements.Where(a => a.Id == agreementId), year, today, partlyMetFromPercent)).Single();

    /// <summary>The municipality's threshold for "partly met", in percent of the target (Samverka:Fulfilment:PartlyMetFromPercent, 1–100).</summary>
    public static decimal PartlyMetFromPercent(IConfiguration config) =>
        config.GetValue("Samverka:Fulfilment:PartlyMetFromPercent", GoalFulfilment.DefaultPartlyMetFromPercent) is var p and >= 1 and <= 100
            ? p : throw new InvalidOperationException("Samverka:Fulfilment:PartlyMetFromPercent must be between 1 and 100.");

    /// <summary>
    /// Goal fulfilment of many agreements at once (a board's portfolio), in a fixed number of queries whatever their
    /// number: the agreements with their targets, the counting figures of them all, and the explanations.
    /// </summary>
    public static async Task<List<FulfilmentView>> ForAgreementsAsync(AppDbContext db, IQueryable<Agreement> agreements, int? year, DateOnly today, decimal partlyMetFromPercent)
    {
        var loaded = await agreements.AsNoTracking()
            .Include(a => a.Goals).ThenInclude(g => g.ExpectedResults)
            .AsSplitQuery()
            .OrderBy(a => a.Id)
            .ToListAsync();
        if (loaded.Count == 0)
        {
            return [];
        }
        var ids = loaded.Select(a => a.Id).ToList();
        var yearFrom = year is { } y0 ? new DateOnly(y0, 1, 1) : DateOnly.MinValue;
        var yearTo = year is { } y1 ? new DateOnly(y1, 12, 31) : DateOnly.MaxValue;
        // Approved figures that no correction has replaced.
        var figures = await (
            from f in db.Set<Figure>()
            join r in db.Set<ResultReport>() on f.ReportId equals r.Id
            where r.Status == ReportStatus.Approved && ids.Contains(r.AgreementId) && f.From >= yearFrom && f.From <= yearTo
                && !db.Set<Figure>().Any(c => c.CorrectsFigureId == f.Id)
            select new
            {
                r.AgreementId,
                Fact = FigureFact.Of(f),
                Targets = f.Targets.Select(t => t.ExpectedResultId).ToList(),
            })
            .AsNoTracking()
            .AsSingleQuery()
            .ToListAsync();
        var byAgreement = figures.ToLookup(f => f.AgreementId);

        var targetIds = loaded.SelectMany(a => a.Goals).SelectMany(g => g.ExpectedResults).Select(r => r.Id).ToList();
        var explanations = (await db.Set<TargetExplanation>().AsNoTracking()
            .Where(e => targetIds.Contains(e.ExpectedResultId) && (year == null || e.Year == year))
            .OrderBy(e => e.Year)
            .ToListAsync()).ToLookup(e => e.ExpectedResultId);

        return [.. loaded.Select(agreement =>
        {
            var from = year is { } y ? Max(new DateOnly(y, 1, 1), agreement.StartDate) : agreement.StartDate;
            var to = year is { } y2 ? Min(new DateOnly(y2, 12, 31), agreement.EndDate) : agreement.EndDate;
            var byTarget = byAgreement[agreement.Id]
                .Where(f => f.Fact.From >= from && f.Fact.From <= to)
                .SelectMany(f => f.Targets.Select(t => (Target: t, f.Fact)))
                .ToLookup(x => x.Target, x => x.Fact);
            var goals = agreement.Goals.OrderBy(g => g.Number).Select(g =>
            {
                var targets = g.ExpectedResults.OrderBy(r => r.SortOrder).Select(r =>
                {
                    var text = explanations[r.Id].Select(e => year is null ? $"{e.Year}: {e.Text}" : e.Text).ToList();
                    return GoalFulfilment.Evaluate(r, [.. byTarget[r.Id]], to, today, text.Count == 0 ? null : string.Join("\n", text), partlyMetFromPercent);
                }).ToList();
                return new GoalResult(g.Id, g.Number, g.Title, GoalFulfilment.Combine(targets.Select(t => t.Status)), targets);
            }).ToList();
            var genderTargets = agreement.Goals.SelectMany(g => g.ExpectedResults).Where(r => r.Kind == TargetKind.GenderShare).ToList();
            return new FulfilmentView(agreement.Id, agreement.Title, year, from, to, goals)
            {
                GenderTargetMenPercent = genderTargets.Select(r => r.MenSharePercent).FirstOrDefault(),
                GenderFigures = [.. genderTargets.SelectMany(r => byTarget[r.Id]).DistinctBy(f => f.Id).OrderBy(f => f.From)],
            };
        })];
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
