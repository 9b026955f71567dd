using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Boards;

/// <summary>How a board writes its case numbers, e.g. "KS {year}/{n:4}"; with the version read.</summary>
public sealed record CaseNumberFormatInput(string? Pattern, Guid? Version);

/// <summary>A board's settings, written once for the page and the API: its coordinator keeps them, for the board and its predecessors.</summary>
public sealed class BoardSteps(AppDbContext db, PartnershipAccess access, StepRunner runner)
{
    public async Task<Outcome<Board>> SetCaseNumberFormatAsync(ClaimsPrincipal user, int id, CaseNumberFormatInput input)
    {
        var board = await db.Boards.FirstOrDefaultAsync(b => b.Id == id);
        if (board is null)
        {
            return Outcome.NotFound;
        }
        if (!await access.CoordinatesBoardAsync(user, id))
        {
            return Outcome.Forbidden(new Message("Only the board's IOP coordinator sets how its case numbers are written."));
        }
        if (input.Version is not { } read)
        {
            return Outcome.Invalid("version", new Message(Outcome.VersionMissingText));
        }
        var (format, problem) = CaseNumberFormat.Parse(input.Pattern);
        if (format is null)
        {
            return Outcome.Invalid("pattern", problem!);
        }
        if (format.Pattern == board.CaseNumberPattern)
        {
            return Outcome.Done(board);
        }
        // Case numbers given before stay as they were registered; the format is for those given and checked from now.
        board.CaseNumberPattern = format.Pattern;
        return await runner.SaveAsync(board, read) ? Outcome.Done(board) : Outcome.Conflict;
    }
}
