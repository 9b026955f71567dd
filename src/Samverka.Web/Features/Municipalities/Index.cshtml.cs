using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Municipalities;

/// <summary>The municipalities and regions with their boards.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public List<Municipality> Municipalities { get; private set; } = [];

    public async Task OnGetAsync() =>
        Municipalities = await db.Municipalities.AsNoTracking().Include(m => m.Boards).OrderBy(m => m.Name).ToListAsync();
}
