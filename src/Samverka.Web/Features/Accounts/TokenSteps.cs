using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Accounts;

/// <summary>Creating and revoking a personal API token, written once for the tokens page and the API.</summary>
public static class TokenSteps
{
    public static async Task<(CreatedToken? Token, List<FieldProblem> Problems)> CreateAsync(AppDbContext db, string userId, string? name, TimeProvider clock)
    {
        if (new InputCheck().Text("name", name, TextLimit.Unit, required: true) is { IsValid: false } check)
        {
            return (null, [.. check.Problems]);
        }
        var secret = ApiTokens.NewToken();
        var entity = ApiTokens.Create(userId, name!.Trim(), secret, clock.GetUtcNow());
        db.ApiTokens.Add(entity);
        await db.SaveChangesAsync();
        return (new CreatedToken(entity.Id, entity.Name, secret), []);
    }

    public static async Task<bool> RevokeAsync(AppDbContext db, string userId, int id, TimeProvider clock)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && t.UserId == userId && t.RevokedAt == null);
        if (token is null)
        {
            return false;
        }
        token.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync();
        return true;
    }
}
