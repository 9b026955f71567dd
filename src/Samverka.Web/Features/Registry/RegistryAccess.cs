using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Accounts;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Registry;

/// <summary>
/// Who sees the registry and who opens what. The entries of a partnership's case are listed for everyone who may
/// read the partnership's own work (<see cref="PartnershipOperation.ReadInternal"/>); a confidential document's
/// file, counterparty and description are opened only by the administration of the board that owns the case and by
/// people an officer granted access to it. Everyone else sees that it exists, as a public diarium shows it.
/// </summary>
public static class RegistryAccess
{
    public static async Task<IQueryable<RegistryDocument>> ListedAsync(PartnershipAccess access, AppDbContext db, ClaimsPrincipal user)
    {
        var partnerships = await access.AllowedAsync(user, PartnershipOperation.ReadInternal);
        return db.RegistryDocuments.Where(d => partnerships.Select(p => (int?)p.Id).Contains(d.PartnershipId));
    }

    /// <summary>Which of <paramref name="documents"/> the user may open: every public one, and the confidential ones their board owns or they were granted.</summary>
    public static async Task<Func<RegistryDocument, bool>> OpenerAsync(PartnershipAccess access, AppDbContext db, ClaimsPrincipal user, IEnumerable<RegistryDocument> documents)
    {
        var confidential = documents.Where(d => d.Confidential).Select(d => d.Id).Distinct().ToList();
        if (confidential.Count == 0)
        {
            return _ => true;
        }
        var scope = IsAdministrationOfABoard(user) ? await access.BoardScopeAsync(user) : new HashSet<int>();
        var userId = user.UserId();
        var granted = userId is null ? [] : (await db.Set<ConfidentialAccess>().AsNoTracking()
            .Where(g => confidential.Contains(g.RegistryDocumentId) && g.UserId == userId && g.RevokedAt == null)
            .Select(g => g.RegistryDocumentId).ToListAsync()).ToHashSet();
        return d => !d.Confidential || scope.Contains(d.BoardId) || granted.Contains(d.Id);
    }

    /// <summary>Officers, case officers and attesting heads: the board's administration, who own its cases.</summary>
    private static bool IsAdministrationOfABoard(ClaimsPrincipal user) =>
        user.SamverkaRole() is UserRole.Coordinator or UserRole.CaseOfficer or UserRole.AttestingHead;
}

/// <summary>One registry entry as a user may see it: a confidential one without access shows its number, date, kind and the description fit to show.</summary>
public sealed record RegistryEntryView(int Id, int BoardId, int? PartnershipId, string CaseNumber, int Sequence, DateOnly RegisteredOn, Direction Direction,
    string? Counterparty, string Description, DocumentKind Kind, bool Confidential, string? ConfidentialityNote, bool CanOpen, int? CorrectsDocumentId,
    string? FileName, string? ContentType, long? FileSize, string? Sha256, string? RecordedBy, DateTimeOffset? RecordedAt)
{
    /// <summary>Shown when a confidential document has no description fit to show.</summary>
    public const string WithheldDescription = "Confidential document";

    public bool HasFile => FileSize is not null;

    public static RegistryEntryView Of(RegistryDocument d, bool canOpen) => canOpen
        ? new(d.Id, d.BoardId, d.PartnershipId, d.CaseNumber, d.Sequence, d.RegisteredOn, d.Direction, d.Counterparty, d.Description, d.Kind,
            d.Confidential, d.ConfidentialityNote, true, d.CorrectsDocumentId, d.FileName, d.ContentType, d.FileSize, d.Sha256, d.RecordedBy, d.RecordedAt)
        : new(d.Id, d.BoardId, d.PartnershipId, d.CaseNumber, d.Sequence, d.RegisteredOn, d.Direction, null, d.PublicDescription ?? WithheldDescription, d.Kind,
            d.Confidential, d.ConfidentialityNote, false, d.CorrectsDocumentId, null, null, null, null, null, null);
}
