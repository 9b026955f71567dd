using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Organisations;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public List<Organisation> Organisations { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync()
    {
        Organisations = await OrganisationAccess.Visible(db, User).AsNoTracking().Include(o => o.FormerNames).OrderBy(o => o.Name).ToListAsync();
        CanEdit = OrganisationAccess.CanEdit(User);
    }
}
