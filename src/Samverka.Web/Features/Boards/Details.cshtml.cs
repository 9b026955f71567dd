using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Boards;

/// <summary>A board's history: the boards it succeeded and every partnership of theirs and its own that the user may see.</summary>
public sealed class DetailsModel(AppDbContext db, PartnershipAccess access, TimeProvider clock) : PageModel
{
    public Board Board { get; private set; } = null!;
    public List<Board> Predecessors { get; private set; } = [];
    public PortfolioView Partnerships { get; private set; } = new([], []);

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var board = await db.Boards.AsNoTracking().Include(b => b.Successor).FirstOrDefaultAsync(b => b.Id == id);
        if (board is null)
        {
            return NotFound();
        }
        Board = board;
        var all = await db.Boards.AsNoTracking().ToListAsync();
        var ids = Board.WithPredecessors(id, all.Select(b => (b.Id, b.SuccessorId)));
        Predecessors = [.. all.Where(b => b.Id != id && ids.Contains(b.Id)).OrderBy(b => b.Name)];
        var visible = (await access.VisibleAsync(User)).Where(p => ids.Contains(p.BoardId));
        Partnerships = await Portfolio.LoadAsync(visible, null, null, null, clock.Today());
        return Page();
    }
}
