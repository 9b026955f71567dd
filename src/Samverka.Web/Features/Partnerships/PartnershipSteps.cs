using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
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
        if (!await (await access.BoardsForNewPartnershipAsync(user, input.History)).AnyAsync(b => b.Id == input.BoardId))
        {
            // A predecessor of the user's board that has ended is named with the rule; a board outside their own
            // is one they cannot choose: the same answer as a board that does not exist.
            var ended = (await access.BoardScopeAsync(user)).Contains(input.BoardId)
                ? await db.Boards.AsNoTracking().Where(b => b.Id == input.BoardId).Select(b => new { b.Name, Successor = b.Successor!.Name }).FirstOrDefaultAsync()
                : null;
            return Outcome.Invalid("boardId", ended is null ? new Message("Choose a board.")
                : ended.Successor is null ? new Message("{0} has ended: no new partnership is started under it.", ended.Name)
                : new Message("{0} has been succeeded by {1}: new partnerships are started under {1}.", ended.Name, ended.Successor));
        }
        var (problems, caseNumber) = await PartnershipRules.ValidateAsync(input, db);
        if (problems.Count > 0)
        {
            return Outcome.Invalid(problems);
        }
        var p = PartnershipRules.Create(input, caseNumber);
        db.Partnerships.Add(p);
        await db.SaveChangesAsync();
        return Outcome.Done(p);
    }
}
