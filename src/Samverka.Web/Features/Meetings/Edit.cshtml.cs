using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samverka.Web.Data;
using Samverka.Web.Features.Accounts;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Partnerships;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Meetings;

/// <summary>One meeting: when it was held, who was there, agenda, minutes, action items, and approval of the minutes.</summary>
public sealed class EditModel(AppDbContext db, PartnershipAccess access, TimeProvider clock, IStringLocalizer<Texts> t, IFileStore files) : PageModel
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
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var m = Meeting;
        if (MeetingAccess.CanRecord(User, Partnership) is { } denied)
        {
            ModelState.AddModelError("", t.Say(denied));
        }
        else if (m.MinutesLocked)
        {
            ModelState.AddModelError("", t["The minutes are approved and locked; nothing was changed."]);
        }
        var agreement = await db.Agreements.AsNoTracking().Where(a => a.PartnershipId == m.PartnershipId && a.Stage >= AgreementStage.Signed).OrderBy(a => a.StartDate).FirstOrDefaultAsync();
        if (HeldOn is { } held && m.CheckHeldOn(held, agreement, clock.Today()) is { } bad)
        {
            ModelState.AddModelError(nameof(HeldOn), t.Say(bad));
        }
        if ((Agenda?.Length ?? 0) > AgreementConfiguration.LongText || (Minutes?.Length ?? 0) > AgreementConfiguration.LongText)
        {
            ModelState.AddModelError("", t["The text is too long: {0} characters, at most {1}.", Math.Max(Agenda?.Length ?? 0, Minutes?.Length ?? 0), AgreementConfiguration.LongText]);
        }
        if (ApproverIds.Any(a => People.All(p => p.Id != a)))
        {
            ModelState.AddModelError("", t["Choose the approvers among the partnership's people."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        m.HeldOn = HeldOn ?? m.HeldOn;
        m.Agenda = Agenda.NullIfBlank();
        m.Minutes = Minutes.NullIfBlank();
        m.Attendees = [.. Attendees.Where(a => !string.IsNullOrWhiteSpace(a.Name)).Select(a => new MeetingAttendee
        {
            Name = a.Name!.Trim(), Organisation = a.Organisation.NullIfBlank(), Role = a.Role.NullIfBlank(), IsAdjunct = a.IsAdjunct,
        })];
        m.ActionItems = [.. Actions.Where(a => !string.IsNullOrWhiteSpace(a.Text)).Select(a => new ActionItem
        {
            Text = a.Text!.Trim(), Owner = a.Owner.NullIfBlank(), DueOn = a.DueOn, DoneOn = a.DoneOn,
        })];
        // Keep approvals already given by people who stay named.
        m.Approvers.RemoveAll(a => !ApproverIds.Contains(a.UserId));
        foreach (var (personId, name) in People.Where(p => ApproverIds.Contains(p.Id) && m.Approvers.All(a => a.UserId != p.Id)))
        {
            m.Approvers.Add(new MinutesApprover { UserId = personId, Name = name });
        }
        if (!await db.TrySaveAsync(m, Version))
        {
            ModelState.AddModelError("", t["Someone else changed this in the meantime; nothing was saved. Fetch it again and repeat your change."]);
            return Page();
        }
        TempData["Done"] = t["Saved."].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostApproveAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (Meeting.Approve(User.UserId() ?? "", clock.GetUtcNow()) is { } refused)
        {
            ModelState.AddModelError("", t.Say(refused));
            return Page();
        }
        if (Meeting.MinutesLocked)
        {
            // Approved minutes are an official document: registered in the case as they are approved.
            var group = Meeting.Group == GroupKind.SteeringGroup ? "styrgruppen" : "arbetsgruppen";
            await Registry.Registration.RegisterGeneratedAsync(db, files, Meeting.PartnershipId, Registry.DocumentKind.Minutes, Registry.Direction.DrawnUp, null,
                $"Justerat protokoll, {group} {Format.Date(Meeting.HeldOn, Meeting.HeldInYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "")}",
                User.DisplayNameOf(), clock);
        }
        if (!await db.TrySaveAsync(Meeting, Version))
        {
            ModelState.AddModelError("", t["Someone else changed this in the meantime; nothing was saved. Fetch it again and repeat your change."]);
            return Page();
        }
        TempData["Done"] = t["Saved."].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var m = await db.Meetings.Include(x => x.Attendees).Include(x => x.Decisions).Include(x => x.ActionItems).Include(x => x.Approvers).FirstOrDefaultAsync(x => x.Id == id);
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
