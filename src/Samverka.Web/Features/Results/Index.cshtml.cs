using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Results;

/// <summary>A partnership's reporting periods, and where to record a new one.</summary>
public sealed class IndexModel(AppDbContext db, PartnershipAccess access, ReportSteps steps, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    public Partnership Partnership { get; private set; } = null!;
    public List<ReportRow> Reports { get; private set; } = [];
    public List<Agreement> Agreements { get; private set; } = [];
    public bool CanReport { get; private set; }

    [BindProperty] public int AgreementId { get; set; }
    [BindProperty] public DateOnly? PeriodStart { get; set; }
    [BindProperty] public DateOnly? PeriodEnd { get; set; }

    public async Task<IActionResult> OnGetAsync(int partnershipId)
    {
        if (!await LoadAsync(partnershipId))
        {
            return NotFound();
        }
        var today = clock.Today();
        PeriodStart = new DateOnly(today.Year, today.Month, 1);
        PeriodEnd = PeriodStart.Value.AddMonths(1).AddDays(-1);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int partnershipId) =>
        await this.ShowAsync(await steps.CreateAsync(User, partnershipId, new ReportInput(AgreementId, PeriodStart, PeriodEnd)), t, r => RedirectToPage("Report", new { id = r.Id }),
            async () => await LoadAsync(partnershipId) ? Page() : NotFound(),
            field => field switch { "periodStart" => nameof(PeriodStart), "periodEnd" => nameof(PeriodEnd), "agreementId" => nameof(AgreementId), _ => null });

    private async Task<bool> LoadAsync(int partnershipId)
    {
        var p = await (await access.VisibleAsync(User)).AsNoTracking().Include(x => x.Organisation).FirstOrDefaultAsync(x => x.Id == partnershipId);
        if (p is null)
        {
            return false;
        }
        Partnership = p;
        CanReport = Recording.CanReport(User, p) is null;
        Agreements = await (await access.VisibleAgreementsAsync(User)).AsNoTracking()
            .Where(a => a.PartnershipId == partnershipId && a.Stage >= AgreementStage.Signed).OrderByDescending(a => a.StartDate).ToListAsync();
        Reports = await (await Recording.VisibleReportsAsync(access, db, User)).AsNoTracking()
            .Where(r => r.PartnershipId == partnershipId).OrderByDescending(r => r.PeriodStart)
            .Select(r => new ReportRow(r.Id, r.AgreementId, r.PeriodStart, r.PeriodEnd, r.Status, r.Figures.Count)).ToListAsync();
        return true;
    }
}
