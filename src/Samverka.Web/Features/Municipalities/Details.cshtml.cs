using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Municipalities;

/// <summary>A municipality or region: its boards and its reporting lists.</summary>
public sealed class DetailsModel(AppDbContext db) : PageModel
{
    public MunicipalityView Municipality { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await MunicipalityQueries.FindAsync(db, id) is not { } view)
        {
            return NotFound();
        }
        Municipality = view;
        return Page();
    }
}
