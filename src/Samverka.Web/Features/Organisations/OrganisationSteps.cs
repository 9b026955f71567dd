using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Organisations;

/// <summary>
/// Registering and changing an organisation, written once for the register's pages and API. The register is not a
/// partnership's, so the check is the administration's right to edit it rather than a partnership operation.
/// </summary>
public sealed class OrganisationSteps(AppDbContext db, TimeProvider clock)
{
    private static readonly Message OnlyAdministration = new("Only the administration can change the organisation register.");

    public async Task<Outcome<Organisation>> RegisterAsync(ClaimsPrincipal user, OrganisationInput input)
    {
        if (!OrganisationAccess.CanEdit(user))
        {
            return Outcome.Forbidden(OnlyAdministration);
        }
        var (problems, number) = await OrganisationRules.ValidateAsync(input, db, null);
        if (problems.Count > 0)
        {
            return Outcome.Invalid(problems);
        }
        var o = new Organisation { Name = input.Name };
        OrganisationRules.Apply(input, number, o, clock.Today());
        db.Organisations.Add(o);
        await db.SaveChangesAsync();
        return Outcome.Done(o);
    }

    /// <summary>A new name keeps the old one in the history; the version read guards against overwriting someone's change.</summary>
    public async Task<Outcome<Organisation>> ChangeAsync(ClaimsPrincipal user, int id, OrganisationInput input)
    {
        var o = await OrganisationAccess.Visible(db, user).Include(x => x.FormerNames).FirstOrDefaultAsync(x => x.Id == id);
        if (o is null)
        {
            return Outcome.NotFound;
        }
        if (!OrganisationAccess.CanEdit(user))
        {
            return Outcome.Forbidden(OnlyAdministration);
        }
        if (input.Version is not { } version)
        {
            return Outcome.Invalid("version", new Message("Send the version you read, so that nobody's change is overwritten."));
        }
        var (problems, number) = await OrganisationRules.ValidateAsync(input, db, id);
        if (problems.Count > 0)
        {
            return Outcome.Invalid(problems);
        }
        db.Entry(o).Property(x => x.Version).OriginalValue = version;
        OrganisationRules.Apply(input, number, o, clock.Today());
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Conflict;
        }
        return Outcome.Done(o);
    }
}
