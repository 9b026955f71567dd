using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Organisations;

public static class OrganisationsApi
{
    public static void MapOrganisationsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/organisations").WithTags("Organisations");

        g.MapGet("/", async Task<Ok<List<OrganisationView>>> (ClaimsPrincipal user, AppDbContext db) =>
            TypedResults.Ok((await OrganisationAccess.Visible(db, user).AsNoTracking().Include(o => o.FormerNames).OrderBy(o => o.Name).ToListAsync())
                .Select(o => OrganisationView.From(o).For(user)).ToList()))
            .WithSummary("The organisation register");

        g.MapGet("/{id:int}", async Task<Results<Ok<OrganisationView>, NotFound>> (int id, ClaimsPrincipal user, AppDbContext db) =>
            await OrganisationAccess.Visible(db, user).AsNoTracking().Include(o => o.FormerNames).FirstOrDefaultAsync(o => o.Id == id) is { } o
                ? TypedResults.Ok(OrganisationView.From(o).For(user))
                : TypedResults.NotFound())
            .WithSummary("One organisation with its former names");

        g.MapPost("/", async Task<Results<Created<OrganisationView>, ValidationProblem, ProblemHttpResult>> (OrganisationInput input, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, IStringLocalizer<Texts> t) =>
        {
            if (!OrganisationAccess.CanEdit(user))
            {
                return TypedResults.Problem(t["Only the administration can change the organisation register."], statusCode: StatusCodes.Status403Forbidden);
            }
            var (problems, number) = await OrganisationRules.ValidateAsync(input, db, null);
            if (problems.Count > 0)
            {
                return ApiProblems.Invalid(problems, t);
            }
            var o = new Organisation { Name = input.Name };
            OrganisationRules.Apply(input, number, o, clock.Today());
            db.Organisations.Add(o);
            await db.SaveChangesAsync();
            return TypedResults.Created($"/api/organisations/{o.Id}", OrganisationView.From(o));
        }).WithSummary("Register an organisation");

        g.MapPut("/{id:int}", async Task<Results<Ok<OrganisationView>, NotFound, ValidationProblem, ProblemHttpResult>> (int id, OrganisationInput input, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, IStringLocalizer<Texts> t) =>
        {
            var o = await OrganisationAccess.Visible(db, user).Include(x => x.FormerNames).FirstOrDefaultAsync(x => x.Id == id);
            if (o is null)
            {
                return TypedResults.NotFound();
            }
            if (!OrganisationAccess.CanEdit(user))
            {
                return TypedResults.Problem(t["Only the administration can change the organisation register."], statusCode: StatusCodes.Status403Forbidden);
            }
            if (input.Version is not { } version)
            {
                return ApiProblems.Invalid([new FieldProblem("version", new Message("Send the version you read, so that nobody's change is overwritten."))], t);
            }
            var (problems, number) = await OrganisationRules.ValidateAsync(input, db, id);
            if (problems.Count > 0)
            {
                return ApiProblems.Invalid(problems, t);
            }
            db.Entry(o).Property(x => x.Version).OriginalValue = version;
            OrganisationRules.Apply(input, number, o, clock.Today());
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateConcurrencyException)
            {
                return ApiProblems.Conflict(t);
            }
            return TypedResults.Ok(OrganisationView.From(o));
        }).WithSummary("Change an organisation; a new name keeps the old one in its history");
    }
}
