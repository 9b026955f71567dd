using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Features.Agreements;

namespace Samverka.Web.Features.Partnerships;

public sealed class DetailsModel(PartnershipAccess access, TimeProvider clock, Data.AppDbContext db) : PageModel
{
    public Partnership Partnership { get; private set; } = null!;
    public List<(Agreement Agreement, AgreementStatus Status)> Agreements { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public List<Meetings.Deviation> OpenDeviations { get; private set; } = [];

    /// <summary>May the user see the partnership's own work (meetings, history, registry)?</summary>
    public bool ReadsInternal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var p = await (await access.VisibleAsync(User)).AsNoTracking()
            .Include(x => x.Board).ThenInclude(b => b.Successor)
            .Include(x => x.Organisation).ThenInclude(o => o.FormerNames)
            .FirstOrDefaultAsync(x => x.Id == id);
        if (p is null)
        {
            return NotFound();
        }
        Partnership = p;
        var today = clock.Today();
        var agreements = await (await access.VisibleAgreementsAsync(User)).AsNoTracking()
            .Where(a => a.PartnershipId == id).Include(a => a.Extensions).Include(a => a.Parties).OrderBy(a => a.StartDate).ToListAsync();
        Agreements = [.. agreements.Select(a => (a, a.StatusOn(today)))];
        CanEdit = PartnershipAccess.Check(User, p, PartnershipOperation.Edit) is null;
        ReadsInternal = PartnershipAccess.Check(User, p, PartnershipOperation.ReadInternal) is null;
        if (ReadsInternal)
        {
            OpenDeviations = await db.Deviations.AsNoTracking().Where(d => d.PartnershipId == id && d.Status == Meetings.DeviationStatus.Open).OrderBy(d => d.RaisedOn).ToListAsync();
        }
        return Page();
    }
}
