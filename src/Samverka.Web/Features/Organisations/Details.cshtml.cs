using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Organisations;

public sealed class DetailsModel(AppDbContext db) : PageModel
{
    public Organisation Organisation { get; private set; } = null!;
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var o = await OrganisationAccess.Visible(db, User).AsNoTracking().Include(x => x.FormerNames).FirstOrDefaultAsync(x => x.Id == id);
        if (o is null)
        {
            return NotFound();
        }
        Organisation = o;
        CanEdit = OrganisationAccess.CanEdit(User);
        return Page();
    }
}
