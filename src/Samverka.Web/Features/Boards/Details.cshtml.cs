using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
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
        if (await BoardQueries.HistoryAsync(db, access, User, id, clock.Today()) is not { } history)
        {
            return NotFound();
        }
        (Board, Predecessors, Partnerships) = history;
        return Page();
    }
}
