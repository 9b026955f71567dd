using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Partnerships;

/// <summary>
/// What a partnership looks like right now, as a cache key for its read-only views (agreement page, agreement
/// document, goal fulfilment). Every saved change inside a partnership writes an audit entry with the partnership's
/// id in the same transaction, so its latest audit entry changes with any change; the partnership's organisation is
/// a register of its own, so its version is part of the key too, and so is the process-wide count of saved
/// organisations (other organisations' names appear in an agreement as well). A save is therefore seen at once.
/// </summary>
public readonly record struct PartnershipStamp(int PartnershipId, long LatestChange, Guid PartnershipVersion, Guid OrganisationVersion, long Organisations)
{
    /// <summary>The stamp of the partnership that owns the agreement, in one query; null when there is no such agreement in <paramref name="agreements"/>.</summary>
    public static async Task<PartnershipStamp?> OfAgreementAsync(AppDbContext db, IQueryable<Agreements.Agreement> agreements, int agreementId)
    {
        var s = await agreements.Where(a => a.Id == agreementId)
            .Select(a => new
            {
                a.PartnershipId,
                LatestChange = db.AuditEntries.Where(e => e.PartnershipId == a.PartnershipId).Max(e => (long?)e.Id),
                PartnershipVersion = a.Partnership.Version,
                OrganisationVersion = a.Partnership.Organisation.Version,
            })
            .FirstOrDefaultAsync();
        return s is null ? null : new PartnershipStamp(s.PartnershipId, s.LatestChange ?? 0, s.PartnershipVersion, s.OrganisationVersion, AppDbContext.SavedOrganisations);
    }
}
