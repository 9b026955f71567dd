using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Accounts;

namespace Samverka.Web.Features.Agreements;

/// <summary>Rules that need the database or the signed-in user; shared by pages and API.</summary>
public static class AgreementEditing
{
    public static AgreementEvent Created(ClaimsPrincipal user, TimeProvider clock) => new()
    {
        Step = AgreementStep.Created,
        OccurredOn = clock.Today(),
        RecordedAt = clock.GetUtcNow(),
        RecordedByUserId = user.UserId(),
        RecordedByName = user.DisplayNameOf(),
    };

    /// <summary>What the board decided is what the parties sign: after the decision the text changes only through an amendment.</summary>
    public static Message? CheckEditable(Agreement a) =>
        a.Stage is AgreementStage.Draft or AgreementStage.Proposed
            ? null
            : new Message("A decided agreement cannot be edited; changes are made through an amendment.");

    /// <summary>When a step has just made the agreement signed, the signed agreement is registered in the case with its DOCX.</summary>
    public static async Task RegisterIfSignedAsync(AppDbContext db, Infrastructure.IFileStore files, Agreement a, AgreementStage before, string by, TimeProvider clock)
    {
        if (before != AgreementStage.Signed && a.Stage == AgreementStage.Signed)
        {
            await Registry.Registration.RegisterGeneratedAsync(db, files, a.PartnershipId, Registry.DocumentKind.Agreement, Registry.Direction.DrawnUp,
                string.Join(", ", a.Parties.OrderBy(p => p.SortOrder).Select(p => p.OrganisationName)), $"{a.Title}, undertecknad av båda parter", by, clock,
                AgreementDocx.FileName(a), AgreementDocx.Create(a, clock.Today()), AgreementDocx.ContentType);
        }
    }

    public const string ConflictMessage = "Someone else changed this agreement while you were editing; nothing was saved. Open it again to see their change, then repeat yours.";

    /// <summary>A partnership's agreements follow one another: no two periods overlap.</summary>
    public static async Task<List<FieldProblem>> CheckConsecutiveAsync(AppDbContext db, int partnershipId, int? exceptAgreementId, DateOnly start, DateOnly end)
    {
        var overlapping = await db.Agreements.AsNoTracking()
            .Where(a => a.PartnershipId == partnershipId && a.Id != exceptAgreementId && a.StartDate <= end && a.EndDate >= start)
            .Select(a => new { a.Title, a.StartDate, a.EndDate })
            .FirstOrDefaultAsync();
        return overlapping is null
            ? []
            : [new FieldProblem("startDate", new Message("The period overlaps the agreement \"{0}\" ({1} – {2}); a partnership's agreements follow one another.", overlapping.Title, overlapping.StartDate, overlapping.EndDate))];
    }
}
