using System.Security.Claims;
using Samverka.Web.Data;
using Samverka.Web.Features.Accounts;

namespace Samverka.Web.Features.Organisations;

/// <summary>The register holds contact persons (personal data): the administration sees all of it, a partner user only their own organisation.</summary>
public static class OrganisationAccess
{
    public static IQueryable<Organisation> Visible(AppDbContext db, ClaimsPrincipal user) => user.SamverkaRole() switch
    {
        UserRole.Coordinator or UserRole.CaseOfficer or UserRole.AttestingHead => db.Organisations,
        UserRole.PartnerUser when user.OrganisationId() is { } org => db.Organisations.Where(o => o.Id == org),
        _ => db.Organisations.Where(o => false),
    };

    public static bool CanEdit(ClaimsPrincipal user) => user.IsAdministration();
}
