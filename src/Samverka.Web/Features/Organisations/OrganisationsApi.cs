using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Organisations;

public static class OrganisationsApi
{
    private static readonly Failure MissingBody = Outcome.Invalid("", new Message("Send the input as JSON in the request body."));

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

        g.MapPost("/", async Task<Results<Created<OrganisationView>, ProblemHttpResult, ValidationProblem>> (OrganisationInput? input, ClaimsPrincipal user, OrganisationSteps steps, IStringLocalizer<Texts> t) =>
            (input is null ? MissingBody : await steps.RegisterAsync(user, input)).ToCreated(t, o => $"/api/organisations/{o.Id}", o => OrganisationView.From(o).For(user)))
            .WithSummary("Register an organisation");

        g.MapPut("/{id:int}", async Task<Results<Ok<OrganisationView>, ProblemHttpResult, ValidationProblem>> (int id, OrganisationInput? input, ClaimsPrincipal user, OrganisationSteps steps, IStringLocalizer<Texts> t) =>
            (input is null ? MissingBody : await steps.ChangeAsync(user, id, input)).ToOk(t, o => OrganisationView.From(o).For(user)))
            .WithSummary("Change an organisation; a new name keeps the old one in its history");
    }
}
