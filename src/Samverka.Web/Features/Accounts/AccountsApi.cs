using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Accounts;

public sealed record TokenInput(string Name);
public sealed record TokenView(int Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);
public sealed record CreatedToken(int Id, string Name, string Token);
public sealed record MeView(string Id, string Email, string DisplayName, UserRole Role, int? BoardId, int? OrganisationId);

public static class AccountsApi
{
    public static void MapAccountsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", async Task<Results<Ok<MeView>, NotFound>> (ClaimsPrincipal user, AppDbContext db) =>
            await db.Users.FindAsync(user.UserId()) is { } u
                ? TypedResults.Ok(new MeView(u.Id, u.Email ?? "", u.DisplayName, u.Role, u.BoardId, u.OrganisationId))
                : TypedResults.NotFound()).WithTags("Accounts").WithSummary("Who the caller is");

        var g = api.MapGroup("/tokens").WithTags("Accounts");
        g.MapGet("/", async (ClaimsPrincipal user, AppDbContext db) =>
            TypedResults.Ok(await db.ApiTokens.AsNoTracking().Where(t => t.UserId == user.UserId()).OrderBy(t => t.Id)
                .Select(t => new TokenView(t.Id, t.Name, t.Prefix, t.CreatedAt, t.LastUsedAt, t.RevokedAt)).ToListAsync()))
            .WithSummary("The caller's personal API tokens");

        g.MapPost("/", async Task<Results<Created<CreatedToken>, ValidationProblem>> (TokenInput input, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, IStringLocalizer<Texts> t) =>
        {
            var (token, problems) = await TokenSteps.CreateAsync(db, user.UserId()!, input.Name, clock);
            return token is null ? ApiProblems.Invalid(problems, t) : TypedResults.Created($"/api/tokens/{token.Id}", token);
        }).WithSummary("Create a personal API token; it is shown only in this answer");

        g.MapDelete("/{id:int}", async Task<Results<NoContent, NotFound>> (int id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock) =>
            await TokenSteps.RevokeAsync(db, user.UserId()!, id, clock) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithSummary("Revoke a personal API token");
    }
}
