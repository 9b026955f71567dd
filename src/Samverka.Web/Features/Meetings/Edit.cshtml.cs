using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Meetings;

/// <summary>One meeting: when it was held, who was there, agenda, minutes, action items, and approval of the minutes.</summary>
public sealed class EditModel(AppDbContext db, PartnershipAccess access, MeetingSteps steps, IStringLocalizer<Texts> t) : PageModel
{
    public sealed class AttendeeRow
    {
        public string? Name { get; set; }
        public string? Organisation { get; set; }
        public string? Role { get; set; }
        public bool IsAdjunct { get; set; }
    }

    public sealed class ActionRow
    {
        public string? Text { get; set; }
        public string? Owner { get; set; }
        public DateOnly? DueOn { get; set; }
        public DateOnly? DoneOn { get; set; }
    }

    public Meeting Meeting { get; private set; } = null!;
    public Partnership Partnership { get; private set; } = null!;
    public List<(string Id, string Name)> People { get; private set; } = [];
    public bool CanRecord { get; private set; }

    [BindProperty] public DateOnly? HeldOn { get; set; }
    [BindProperty] public string? Agenda { get; set; }
    [BindProperty] public string? Minutes { get; set; }
    [BindProperty] public List<AttendeeRow> Attendees { get; set; } = [];
    [BindProperty] public List<ActionRow> Actions { get; set; } = [];
    [BindProperty] public List<string> ApproverIds { get; set; } = [];
    [BindProperty] public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var m = Meeting;
        (HeldOn, Agenda, Minutes, Version) = (m.HeldOn, m.Agenda, m.Minutes, m.Version);
        Attendees = [.. m.Attendees.OrderBy(a => a.Id).Select(a => new AttendeeRow { Name = a.Name, Organisation = a.Organisation, Role = a.Role, IsAdjunct = a.IsAdjunct })];
        Attendees.AddRange([new AttendeeRow(), new AttendeeRow(), new AttendeeRow()]);
        Actions = [.. m.ActionItems.OrderBy(a => a.Id).Select(a => new ActionRow { Text = a.Text, Owner = a.Owner, DueOn = a.DueOn, DoneOn = a.DoneOn })];
        Actions.AddRange([new ActionRow(), new ActionRow()]);
        ApproverIds = [.. m.Approvers.Select(a => a.UserId)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var input = new MeetingInput(HeldOn, Agenda, Minutes,
            [.. Attendees.Select(a => new AttendeeInput(a.Name, a.Organisation, a.Role, a.IsAdjunct))],
            [.. Actions.Select(a => new ActionItemInput(a.Text, a.Owner, a.DueOn, a.DoneOn))], ApproverIds, Version);
        return await ShowAsync(id, await steps.SaveAsync(User, id, input));
    }

    public async Task<IActionResult> OnPostApproveAsync(int id) => await ShowAsync(id, await steps.ApproveMinutesAsync(User, id, new(Version)));

    private Task<IActionResult> ShowAsync(int id, Outcome<Meeting> outcome) =>
        this.ShowAsync(outcome, t, _ => RedirectToPage(new { id }), async () => await LoadAsync(id) ? Page() : NotFound(),
            field => field switch { "heldOn" => nameof(HeldOn), "agenda" => nameof(Agenda), "minutes" => nameof(Minutes), _ => null });

    private async Task<bool> LoadAsync(int id)
    {
        var m = await db.Meetings.AsNoTracking().Include(x => x.Attendees).Include(x => x.Decisions).Include(x => x.ActionItems).Include(x => x.Approvers).FirstOrDefaultAsync(x => x.Id == id);
        var p = m is null ? null : await MeetingAccess.FindAsync(access, User, m.PartnershipId);
        if (m is null || p is null)
        {
            return false;
        }
        (Meeting, Partnership) = (m, p);
        CanRecord = MeetingAccess.CanRecord(User, p) is null && !m.MinutesLocked;
        People = await MeetingAccess.PeopleAsync(db, p);
        return true;
    }
}
