using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Samverka.Web.Data;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Boards;

namespace Samverka.Web.Features.Partnerships;

public sealed class IndexModel(PartnershipAccess access, AppDbContext db, TimeProvider clock, IMemoryCache cache, IConfiguration config) : PageModel
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
        var today = clock.Today();
        // Every save writes an audit entry, so the newest one tells whether anything shown here may have changed
        // (organisations' and boards' names included); until then the portfolio is served from memory.
        var latest = await db.AuditEntries.MaxAsync(e => (long?)e.Id);
        var key = ("portfolio", access.VisibilityKey(User), string.Join(',', scope), BoardId, Status, Year, today, latest);
        (Boards, View) = (await cache.GetOrCreateAsync(key, async entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromMinutes(10);
            var boards = await db.Boards.AsNoTracking().Where(b => scope.Contains(b.Id) || visible.Any(p => p.BoardId == b.Id)).OrderBy(b => b.Name).ToListAsync();
            return (boards, await (await Portfolio.LoadAsync(visible, BoardId, Status, Year, today)).WithFulfilmentAsync(db, Year, today, Results.Fulfilment.PartlyMetFromPercent(config)));
        }))!;
        CanCreate = Accounts.SamverkaClaims.IsAdministration(User);
    }
}
