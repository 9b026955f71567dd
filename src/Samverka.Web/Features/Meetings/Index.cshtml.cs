using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Partnerships;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Meetings;

/// <summary>The partnership's meetings: planned against held per year, the list, and open deviations.</summary>
public sealed class IndexModel(AppDbContext db, PartnershipAccess access, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
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

    public async Task<IActionResult> OnPostAsync(int partnershipId)
    {
        if (!await LoadAsync(partnershipId))
        {
            return NotFound();
        }
        if (MeetingAccess.CanRecord(User, Partnership) is { } denied)
        {
            ModelState.AddModelError("", t.Say(denied));
        }
        if (Date is null)
        {
            ModelState.AddModelError(nameof(Date), t["This field is required."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var first = await db.Agreements.AsNoTracking().Where(a => a.PartnershipId == partnershipId && a.Stage >= AgreementStage.Signed).OrderBy(a => a.StartDate).FirstOrDefaultAsync();
        var meeting = new Meeting { PartnershipId = partnershipId, Group = Group };
        if (Held)
        {
            if (meeting.CheckHeldOn(Date!.Value, first, clock.Today()) is { } bad)
            {
                ModelState.AddModelError(nameof(Date), t.Say(bad));
                return Page();
            }
            meeting.HeldOn = Date;
        }
        else
        {
            if (first is not null && Date < first.StartDate)
            {
                ModelState.AddModelError(nameof(Date), t["The meeting cannot be before the agreement started ({0}).", first.StartDate]);
                return Page();
            }
            meeting.PlannedFor = new DateOnly(Date!.Value.Year, Date.Value.Month, 1);
        }
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return RedirectToPage("Edit", new { id = meeting.Id });
    }

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
