using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Boards;

namespace Samverka.Web.Features.Partnerships;

public sealed class IndexModel(PartnershipAccess access, AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? BoardId { get; set; }
    [BindProperty(SupportsGet = true)] public AgreementStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public PortfolioView View { get; private set; } = new([], []);
    public List<Board> Boards { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync()
    {
        var visible = await access.VisibleAsync(User);
        var scope = (await access.BoardScopeAsync(User)).ToList();
        Boards = await db.Boards.AsNoTracking().Where(b => scope.Contains(b.Id) || visible.Any(p => p.BoardId == b.Id)).OrderBy(b => b.Name).ToListAsync();
        View = await Portfolio.LoadAsync(visible, BoardId, Status, Year, clock.Today());
        CanCreate = Accounts.SamverkaClaims.IsAdministration(User);
    }
}
