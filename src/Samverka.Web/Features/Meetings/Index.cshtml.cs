using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Meetings;

/// <summary>The partnership's meetings: planned against held per year, the list, and open deviations.</summary>
public sealed class IndexModel(AppDbContext db, PartnershipAccess access, MeetingSteps steps, IStringLocalizer<Texts> t) : PageModel
{
    public Partnership Partnership { get; private set; } = null!;
    public List<PlannedHeld> PerYear { get; private set; } = [];
    public List<Meeting> Meetings { get; private set; } = [];
    public List<Deviation> Deviations { get; private set; } = [];
    public bool CanRecord { get; private set; }

    [BindProperty] public GroupKind Group { get; set; } = GroupKind.SteeringGroup;
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public bool Held { get; set; }

    public async Task<IActionResult> OnGetAsync(int partnershipId) => await LoadAsync(partnershipId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int partnershipId) =>
        await this.ShowAsync(await steps.AddAsync(User, partnershipId, new NewMeetingInput(Group, Date, Held)), t, m => RedirectToPage("Edit", new { id = m.Id }),
            async () => await LoadAsync(partnershipId) ? Page() : NotFound(), field => field == "date" ? nameof(Date) : null);

    private async Task<bool> LoadAsync(int partnershipId)
    {
        var p = await MeetingAccess.FindAsync(access, User, partnershipId);
        if (p is null)
        {
            return false;
        }
        Partnership = p;
        CanRecord = MeetingAccess.CanRecord(User, p) is null;
        PerYear = await MeetingAccess.PlannedAgainstHeldAsync(db, partnershipId);
        Meetings = [.. (await db.Meetings.AsNoTracking().Include(m => m.Approvers).Where(m => m.PartnershipId == partnershipId).ToListAsync())
            .OrderByDescending(m => m.HeldOn ?? m.PlannedFor ?? new DateOnly(m.HeldInYear ?? 1, 12, 31)).ThenByDescending(m => m.Id)];
        Deviations = await db.Deviations.AsNoTracking().Where(d => d.PartnershipId == partnershipId).OrderByDescending(d => d.RaisedOn).ToListAsync();
        return true;
    }
}
