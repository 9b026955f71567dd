using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Results;

namespace Samverka.Web.Features.Partnerships;

/// <summary>
/// A partnership and its current agreement. AnnualGrant is what the agreement grants per year once decided (null while a
/// draft or a proposal, or when unknown); ProposedGrant is what a proposal not yet decided asks for, shown and counted in no total.
/// </summary>
public sealed record PortfolioRow(int PartnershipId, string Name, string Organisation, int OrganisationId, string Board, string? CaseNumber,
    int? AgreementId, AgreementStatus? Status, DateOnly? StartDate, DateOnly? EndDate, bool YearsOnly, decimal? AnnualGrant, decimal? ProposedGrant = null)
{
    /// <summary>The chosen year's goal fulfilment of a decided agreement; null without a year or before a decision.</summary>
    public Results.FulfilmentSummary? Fulfilment { get; init; }

    /// <summary>The current agreement's further non-profit parties, beside <see cref="Organisation"/>, in the agreement's order.</summary>
    public IReadOnlyList<string> OtherParties { get; init; } = [];

    /// <summary>The current agreement gives no grant (in kind only): not an unknown amount.</summary>
    public bool WithoutGrant { get; init; }
}

public sealed record YearTotal(int Year, decimal Granted, int Agreements, int WithUnknownGrant);

public sealed record PortfolioView(List<PortfolioRow> Rows, List<YearTotal> TotalsPerYear);

internal sealed record PortfolioAgreement(int PartnershipId, int Id, AgreementStage Stage, DateOnly StartDate, DateOnly EndDate, bool PeriodKnownAsYearsOnly, decimal? AnnualGrant, bool Extended, bool WithoutGrant,
    GrantAdjustmentKind? GrantAdjustment, decimal? AdjustmentPercent, List<decimal> IndexValues, decimal? OneOffAmount, int? OneOffYear)
{
    /// <summary>The money year by year as the terms give it (adjusted grant and a one-off).</summary>
    public GrantTerms Terms => new(AnnualGrant, WithoutGrant, StartDate.Year, EndDate.Year, GrantAdjustment, AdjustmentPercent, null, IndexValues, OneOffAmount, OneOffYear);
}

/// <summary>A board's partnerships at a glance: the current agreement of each, and what is granted per year.</summary>
public static class Portfolio
{
    /// <summary>
    /// With a year chosen, each decided agreement's goal fulfilment that year, so the board sees what is met and where
    /// figures are missing; computed for all rows at once in the fulfilment's fixed number of queries.
    /// </summary>
    public static async Task<PortfolioView> WithFulfilmentAsync(this PortfolioView view, AppDbContext db, int? year, DateOnly today, decimal partlyMetFromPercent)
    {
        var ids = view.Rows.Where(r => r.AgreementId is not null && r.Status is not (AgreementStatus.Draft or AgreementStatus.Proposed)).Select(r => r.AgreementId!.Value).ToList();
        if (year is null || ids.Count == 0)
        {
            return view;
        }
        var summaries = (await Fulfilment.ForAgreementsAsync(db, db.Agreements.Where(a => ids.Contains(a.Id)), year, today, partlyMetFromPercent))
            .ToDictionary(v => v.AgreementId, v => FulfilmentSummary.Of(v.Goals));
        return view with { Rows = [.. view.Rows.Select(r => r.AgreementId is { } a && summaries.TryGetValue(a, out var s) ? r with { Fulfilment = s } : r)] };
    }

    public static async Task<PortfolioView> LoadAsync(IQueryable<Partnership> visible, int? boardId, AgreementStatus? status, int? year, DateOnly today)
    {
        var q = visible.AsNoTracking();
        if (boardId is { } b)
        {
            q = q.Where(p => p.BoardId == b);
        }
        // Two flat queries: a nested collection in the projection costs EF a delegate per row to materialise.
        var partnerships = await q
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Name, Organisation = p.Organisation.Name, p.OrganisationId, Board = p.Board.Name, p.CaseNumber })
            .ToListAsync();
        var agreements = (await q.SelectMany(p => p.Agreements)
            .Select(a => new PortfolioAgreement(a.PartnershipId, a.Id, a.Stage, a.StartDate, a.EndDate, a.PeriodKnownAsYearsOnly, a.AnnualGrant, a.Extensions.Any(), a.WithoutGrant,
                a.GrantAdjustment, a.AdjustmentPercent, a.IndexValues, a.OneOffAmount, a.OneOffYear))
            .ToListAsync()).ToLookup(a => a.PartnershipId);
        // Several non-profit parties in one partnership (a local IOP with three associations): the others by agreement.
        var otherParties = (await q.SelectMany(p => p.Agreements).SelectMany(a => a.Parties, (a, x) => new { x.AgreementId, x.SortOrder, x.OrganisationName, x.Role, x.OrganisationId, Registered = a.Partnership.OrganisationId })
            .Where(x => x.Role == PartyRole.NonProfit && x.OrganisationId != x.Registered)
            .ToListAsync()).OrderBy(x => x.SortOrder).ToLookup(x => x.AgreementId, x => x.OrganisationName);

        var rows = new List<PortfolioRow>();
        var totals = new Dictionary<int, (decimal Sum, int Count, int Unknown)>();
        foreach (var p in partnerships)
        {
            foreach (var a in agreements[p.Id].Where(a => a.Stage >= AgreementStage.Decided))
            {
                // Each year's adjusted grant and any one-off that year; a year not yet known (an index value to come) counts as unknown.
                foreach (var y in a.Terms.Years)
                {
                    var t = totals.GetValueOrDefault(y.Year);
                    totals[y.Year] = (t.Sum + (y.Total ?? 0), t.Count + 1, t.Unknown + (y.Total is null ? 1 : 0));
                }
            }
            // The agreement that describes the partnership: the one covering the chosen year, else the latest.
            var ordered = agreements[p.Id].OrderByDescending(a => a.StartDate).ToList();
            var current = year is { } yr
                ? ordered.FirstOrDefault(a => a.StartDate.Year <= yr && a.EndDate.Year >= yr)
                : ordered.FirstOrDefault();
            if (year is not null && current is null)
            {
                continue;
            }
            var st = current is null ? (AgreementStatus?)null : Agreement.StatusFor(current.Stage, current.StartDate, current.EndDate, current.Extended, today);
            if (status is not null && st != status)
            {
                continue;
            }
            // Only a decided grant is a grant: a draft's or a withdrawn proposal's amount is nobody's money yet.
            var granted = current is { Stage: >= AgreementStage.Decided } ? current.AnnualGrant : null;
            var proposed = current is { Stage: AgreementStage.Proposed } ? current.AnnualGrant : null;
            rows.Add(new PortfolioRow(p.Id, p.Name, p.Organisation, p.OrganisationId, p.Board, p.CaseNumber, current?.Id, st, current?.StartDate, current?.EndDate, current?.PeriodKnownAsYearsOnly ?? false, granted, proposed)
            {
                OtherParties = current is null ? [] : [.. otherParties[current.Id]],
                WithoutGrant = current?.WithoutGrant ?? false,
            });
        }
        return new PortfolioView(rows, [.. totals.OrderBy(t => t.Key).Where(t => year is null || t.Key == year).Select(t => new YearTotal(t.Key, t.Value.Sum, t.Value.Count, t.Value.Unknown))]);
    }
}
