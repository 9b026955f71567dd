using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Partnerships;

/// <summary>
/// What a partnership looks like right now, as a cache key for its read-only views (agreement page, agreement
/// document, goal fulfilment). Every saved change inside a partnership writes an audit entry with the partnership's
/// id in the same transaction, so its latest audit entry changes with any change inside it. Registers
/// (organisations, boards) are audited without a partnership; their latest entry is part of the stamp too, since
/// organisations' names appear in an agreement. A save is therefore seen at once, by every instance.
/// </summary>
public readonly record struct PartnershipStamp(int PartnershipId, long LatestChange, long LatestRegisterChange)
{
    /// <summary>The stamp of the partnership that owns the agreement, in one query; null when there is no such agreement in <paramref name="agreements"/>.</summary>
    public static async Task<PartnershipStamp?> OfAgreementAsync(AppDbContext db, IQueryable<Agreements.Agreement> agreements, int agreementId)
    {
        var s = await agreements.Where(a => a.Id == agreementId)
            .Select(a => new
            {
                a.PartnershipId,
                LatestChange = db.AuditEntries.Where(e => e.PartnershipId == a.PartnershipId).Max(e => (long?)e.Id),
                LatestRegisterChange = db.AuditEntries.Where(e => e.PartnershipId == null).Max(e => (long?)e.Id),
            })
            .FirstOrDefaultAsync();
        return s is null ? null : new PartnershipStamp(s.PartnershipId, s.LatestChange ?? 0, s.LatestRegisterChange ?? 0);
    }
}
