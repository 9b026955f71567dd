using Microsoft.EntityFrameworkCore;
using System.Security.Claims;
using Samverka.Web.Data;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Agreements;

public static class AgreementQueries
{
    /// <summary>Everything the agreement page and document show, in split queries so the children do not multiply rows.</summary>
    public static IQueryable<Agreement> Full(this IQueryable<Agreement> agreements) => agreements
        .Include(a => a.Partnership).ThenInclude(p => p.Board)
        .Include(a => a.Partnership).ThenInclude(p => p.Organisation)
        .Include(a => a.Decision)
        .Include(a => a.ChallengeFigures)
        .Include(a => a.Parties)
        .Include(a => a.CooperatingOrganisations)
        .Include(a => a.Goals).ThenInclude(g => g.ExpectedResults).ThenInclude(r => r.ResponsibleOrganisation)
        .Include(a => a.Goals).ThenInclude(g => g.ExpectedResults).ThenInclude(r => r.AddedByDecision)
        .Include(a => a.Goals).ThenInclude(g => g.Activities)
        .Include(a => a.GroupMembers)
        .Include(a => a.BudgetLines)
        .Include(a => a.InKindContributions)
        .Include(a => a.Extensions).ThenInclude(e => e.Decision)
        .Include(a => a.Events)
        .AsSplitQuery();

    /// <summary>
    /// The whole agreement if the user may see it, else null. Visibility is checked first with one small query, so the
    /// split queries that load the agreement filter by key alone instead of each repeating the access rules.
    /// Read-only callers pass track: false.
    /// </summary>
    public static async Task<Agreement?> FindVisibleAsync(this PartnershipAccess access, AppDbContext db, ClaimsPrincipal user, int id, bool track = true)
    {
        if (!await (await access.VisibleAgreementsAsync(user)).AnyAsync(a => a.Id == id))
        {
            return null;
        }
        var q = db.Agreements.Where(a => a.Id == id);
        return await (track ? q : q.AsNoTracking()).Full().FirstOrDefaultAsync();
    }

    /// <summary>The status filter as SQL: the stored stage combined with today's date (see Agreement.StatusOn).</summary>
    public static IQueryable<Agreement> WithStatus(this IQueryable<Agreement> q, AgreementStatus status, DateOnly today) => status switch
    {
        AgreementStatus.Draft => q.Where(a => a.Stage == AgreementStage.Draft),
        AgreementStatus.Proposed => q.Where(a => a.Stage == AgreementStage.Proposed),
        AgreementStatus.Decided => q.Where(a => a.Stage == AgreementStage.Decided),
        AgreementStatus.Terminated => q.Where(a => a.Stage == AgreementStage.Terminated),
        AgreementStatus.Signed => q.Where(a => a.Stage == AgreementStage.Signed && today < a.StartDate),
        AgreementStatus.Ended => q.Where(a => a.Stage == AgreementStage.Signed && today > a.EndDate),
        AgreementStatus.Extended => q.Where(a => a.Stage == AgreementStage.Signed && today >= a.StartDate && today <= a.EndDate && a.Extensions.Any()),
        AgreementStatus.Active => q.Where(a => a.Stage == AgreementStage.Signed && today >= a.StartDate && today <= a.EndDate && !a.Extensions.Any()),
        _ => q,
    };


    private static readonly TimeZoneInfo Stockholm = FindStockholm();

    /// <summary>Today in Sweden: a decision or deadline day turns at Swedish midnight, whatever the server's zone.</summary>
    public static DateOnly Today(this TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Stockholm).DateTime);

    private static TimeZoneInfo FindStockholm()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
