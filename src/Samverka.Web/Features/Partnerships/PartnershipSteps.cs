using System.Security.Claims;
using Samverka.Web.Data;
using Samverka.Web.Features.Accounts;

namespace Samverka.Web.Features.Partnerships;

/// <summary>Starting a partnership, written once for the page and the API: the administration, for a board of its own.</summary>
public sealed class PartnershipSteps(AppDbContext db, PartnershipAccess access)
{
    public async Task<Outcome<Partnership>> StartAsync(ClaimsPrincipal user, PartnershipInput input)
    {
        if (!user.IsAdministration())
        {
            return Outcome.Forbidden(new Message("Only the administration's coordinator or case officer can change agreements."));
        }
        // A board outside the user's own is one they cannot choose: the same answer as a board that does not exist.
        if (!await access.CanCreateForBoardAsync(user, input.BoardId))
        {
            return Outcome.Invalid("boardId", new Message("Choose a board."));
        }
        var problems = await PartnershipRules.ValidateAsync(input, db);
        if (problems.Count > 0)
        {
            return Outcome.Invalid(problems);
        }
        var p = PartnershipRules.Create(input);
        db.Partnerships.Add(p);
        await db.SaveChangesAsync();
        return Outcome.Done(p);
    }
}
