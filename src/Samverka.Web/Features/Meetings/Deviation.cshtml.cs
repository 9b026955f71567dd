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

/// <summary>Raise a deviation (no id), or see one and record the steering group's decision on it.</summary>
public sealed class DeviationModel(AppDbContext db, PartnershipAccess access, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    public Partnership Partnership { get; private set; } = null!;
    public Agreement? Agreement { get; private set; }
    public Deviation? Existing { get; private set; }
    public List<(string Key, string Label)> Subjects { get; private set; } = [];
    public List<Meeting> HeldMeetings { get; private set; } = [];
    public bool CanRecord { get; private set; }

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public string? SubjectKey { get; set; }
    [BindProperty] public string? WhatDiffers { get; set; }
    [BindProperty] public string? Why { get; set; }
    [BindProperty] public string? Consequence { get; set; }
    [BindProperty] public string? ProposedAction { get; set; }
    [BindProperty] public int? MeetingId { get; set; }
    [BindProperty] public DeviationStatus Outcome { get; set; } = DeviationStatus.Approved;
    [BindProperty] public string? DecisionText { get; set; }
    [BindProperty] public string? Amendment { get; set; }

    public async Task<IActionResult> OnGetAsync(int partnershipId) => await LoadAsync(partnershipId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRaiseAsync(int partnershipId)
    {
        if (!await LoadAsync(partnershipId) || Agreement is null)
        {
            return NotFound();
        }
        if (!CanRecord)
        {
            ModelState.AddModelError("", t["Only the partner organisation and the administration can report."]);
        }
        var parts = (SubjectKey ?? "").Split(':');
        if (parts.Length != 2 || !Enum.TryParse<DeviationSubject>(parts[0], out var subject) || !int.TryParse(parts[1], out var subjectId) || Subjects.All(s => s.Key != SubjectKey))
        {
            ModelState.AddModelError(nameof(SubjectKey), t["Choose the activity, target or budget line the deviation concerns."]);
            subject = default;
            subjectId = 0;
        }
        foreach (var (field, value, required) in new[] { (nameof(WhatDiffers), WhatDiffers, true), (nameof(Why), Why, true), (nameof(Consequence), Consequence, false), (nameof(ProposedAction), ProposedAction, false) })
        {
            if (required && string.IsNullOrWhiteSpace(value))
            {
                ModelState.AddModelError(field, t["This field is required."]);
            }
            else if (value?.Length > 4000)
            {
                ModelState.AddModelError(field, t["The text is too long: {0} characters, at most {1}.", value.Length, 4000]);
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var deviation = new Deviation
        {
            PartnershipId = partnershipId, AgreementId = Agreement.Id, Subject = subject, SubjectId = subjectId,
            WhatDiffers = WhatDiffers!.Trim(), Why = Why!.Trim(), Consequence = Consequence.NullIfBlank(), ProposedAction = ProposedAction.NullIfBlank(),
            RaisedOn = clock.Today(), RaisedBy = User.DisplayNameOf(),
        };
        db.Deviations.Add(deviation);
        await db.SaveChangesAsync();
        TempData["Done"] = t["Saved."].Value;
        return RedirectToPage(new { partnershipId, id = deviation.Id });
    }

    public async Task<IActionResult> OnPostDecideAsync(int partnershipId)
    {
        if (!await LoadAsync(partnershipId) || Existing is null)
        {
            return NotFound();
        }
        var meeting = MeetingId is null ? null : await db.Meetings.Include(m => m.Decisions).Include(m => m.Approvers).FirstOrDefaultAsync(m => m.Id == MeetingId && m.PartnershipId == partnershipId);
        var refusal = !CanRecord ? new Message("Only the partner organisation and the administration can report.")
            : meeting is null ? new Message("A deviation is decided at a held steering-group meeting of the partnership.")
            : DecisionText?.Length > 4000 || Amendment?.Length > 1000 ? new Message("The text is too long: {0} characters, at most {1}.", DecisionText?.Length ?? 0, 4000)
            : Existing.Decide(meeting, Outcome, DecisionText, Amendment);
        if (refusal is not null)
        {
            ModelState.AddModelError("", t.Say(refusal));
            return Page();
        }
        meeting!.Touch();
        await db.SaveChangesAsync();
        TempData["Done"] = t["Saved."].Value;
        return RedirectToPage(new { partnershipId, id = Existing.Id });
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
        if (Id is { } id)
        {
            Existing = await db.Deviations.FirstOrDefaultAsync(d => d.Id == id && d.PartnershipId == partnershipId);
            if (Existing is null)
            {
                return false;
            }
        }
        Agreement = await db.Agreements.AsNoTracking().Include(a => a.Goals).ThenInclude(g => g.ExpectedResults).Include(a => a.Goals).ThenInclude(g => g.Activities).Include(a => a.BudgetLines)
            .Where(a => a.PartnershipId == partnershipId && a.Stage >= AgreementStage.Signed && (Existing == null || a.Id == Existing.AgreementId))
            .OrderByDescending(a => a.StartDate).FirstOrDefaultAsync();
        if (Agreement is not null)
        {
            Subjects =
            [
                .. Agreement.Goals.OrderBy(g => g.Number).SelectMany(g => g.Activities.OrderBy(x => x.SortOrder).Select(x => ($"Activity:{x.Id}", $"{t["Activity"]}: {x.Description}"))),
                .. Agreement.Goals.OrderBy(g => g.Number).SelectMany(g => g.ExpectedResults.OrderBy(x => x.SortOrder).Select(x => ($"Target:{x.Id}", $"{t["Expected result"]}: {x.Description}"))),
                .. Agreement.BudgetLines.OrderBy(l => l.SortOrder).Select(l => ($"BudgetLine:{l.Id}", $"{t["Budget line"]}: {l.CostType}")),
            ];
        }
        HeldMeetings = await db.Meetings.AsNoTracking().Include(m => m.Approvers)
            .Where(m => m.PartnershipId == partnershipId && m.Group == GroupKind.SteeringGroup && (m.HeldOn != null || m.HeldInYear != null))
            .OrderByDescending(m => m.HeldOn).ToListAsync();
        HeldMeetings.RemoveAll(m => m.MinutesLocked);
        return true;
    }
}
