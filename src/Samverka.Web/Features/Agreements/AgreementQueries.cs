using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Samverka.Web.Data;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Agreements;

/// <summary>An agreement loaded for reading, with the stamp it was loaded under.</summary>
public sealed record AgreementRead(Agreement Agreement, PartnershipStamp Stamp);

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
        .Include(a => a.Attachments).ThenInclude(x => x.Document)
        .Include(a => a.Extensions).ThenInclude(e => e.Decision)
        .Include(a => a.NoticeDecision)
        .Include(a => a.Events)
        .AsSplitQuery();

    /// <summary>
    /// The whole agreement, tracked for a change, if the user may see it, else null. Visibility is checked first with one
    /// small query, so the split queries that load the agreement filter by key alone instead of each repeating the
    /// access rules. Readers use <see cref="ReadVisibleAsync"/>.
    /// </summary>
    public static async Task<Agreement?> FindVisibleAsync(this PartnershipAccess access, AppDbContext db, ClaimsPrincipal user, int id) =>
        await (await access.VisibleAgreementsAsync(user)).AnyAsync(a => a.Id == id)
            ? await db.Agreements.Where(a => a.Id == id).Full().FirstOrDefaultAsync()
            : null;

    /// <summary>
    /// The whole agreement for reading only (the agreement page, its document), or null if the user may not see it.
    /// One small query gives the partnership's <see cref="PartnershipStamp"/>; the agreement is loaded only when that
    /// changed, so a reader sees every save at once and repeated reads cost one query. Never change the result.
    /// </summary>
    public static async Task<AgreementRead?> ReadVisibleAsync(this PartnershipAccess access, AppDbContext db, IMemoryCache cache, ClaimsPrincipal user, int id)
    {
        if (await PartnershipStamp.OfAgreementAsync(db, await access.VisibleAgreementsAsync(user), id) is not { } stamp)
        {
            return null;
        }
        var agreement = await cache.GetOrCreateAsync(("agreement", id, stamp), async entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromMinutes(10);
            return await db.Agreements.Where(a => a.Id == id).AsNoTracking().Full().FirstOrDefaultAsync();
        });
        return agreement is null ? null : new AgreementRead(agreement, stamp);
    }
}
