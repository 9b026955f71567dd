using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Audit;

namespace Samverka.Web.Features.Partnerships;

/// <summary>Every change to the partnership's records, newest first, from the audit trail.</summary>
public sealed class HistoryModel(AppDbContext db, PartnershipAccess access) : PageModel
{
    public const int PageSize = 200;

    public Partnership Partnership { get; private set; } = null!;
    public List<AuditEntry> Entries { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public long? Before { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        // The history names the people who made each change: for the partnership's own users only.
        var (p, denied) = await access.FindAsync(User, id, PartnershipOperation.ReadInternal);
        if (p is null || denied is not null)
        {
            return NotFound();
        }
        Partnership = p;
        var q = db.AuditEntries.AsNoTracking().Where(e => e.PartnershipId == id);
        if (Before is { } before)
        {
            q = q.Where(e => e.Id < before);
        }
        Entries = await q.OrderByDescending(e => e.Id).Take(PageSize).ToListAsync();
        return Page();
    }
}
