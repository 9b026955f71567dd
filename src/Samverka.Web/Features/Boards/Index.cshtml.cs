using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Boards;

/// <summary>The boards and their administrations; names and history are public facts.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public List<Board> Boards { get; private set; } = [];

    public async Task OnGetAsync() =>
        Boards = await db.Boards.AsNoTracking().Include(b => b.Successor).Include(b => b.Municipality).OrderBy(b => b.SuccessorId != null).ThenBy(b => b.Name).ToListAsync();
}
